/**
 * A code registry preloaded with the embedded starter list and economic mapping, relabelled to
 * the fiscal years asked for (the 2026 starter list is also usable as 2025). Every starter row is
 * [K]: from memory, to be verified against the official list.
 */
import { findUnitType } from "../org/unit-type";
import type { CodeEntry } from "./code-entry";
import { findCodeKind } from "./code-kind";
import { createCodeRegistry } from "./code-registry";
import type { CodeRegistry } from "./code-registry";
import type { EconomicMappingRow } from "./economic-mapping-row";
import { STARTER_CODES_CSV } from "./starter-codes";
import { STARTER_ECONOMIC_MAPPING_CSV } from "./starter-economic-mapping";

/**
 * Options of {@link createStarterCodeRegistry}.
 *
 * @example
 * ```ts
 * const options: StarterCodeRegistryOptions = { years: [2025, 2026] };
 * createStarterCodeRegistry(options).years(); // [2025, 2026]
 * ```
 */
export interface StarterCodeRegistryOptions {
  /** The fiscal years to load the starter list as; default `[2026]`. */
  readonly years?: readonly number[];
}

/**
 * Creates a registry with the starter codes and 部门→政府 mapping for each year asked for.
 *
 * @example
 * ```ts
 * const codes = createStarterCodeRegistry({ years: [2025, 2026] });
 * codes.validate("function", "2050202", 2025, { leaf: true }).name; // "小学教育"
 * codes.mapEconomicCode("30101", "事业", 2026); // "50501"
 * ```
 */
export function createStarterCodeRegistry(options: StarterCodeRegistryOptions = {}): CodeRegistry {
  const registry = createCodeRegistry();
  const { codes, mapping } = starterTables();
  for (const year of options.years ?? [2026]) {
    registry.load(codes.map((e) => ({ ...e, year })));
    registry.loadEconomicMapping(mapping.map((r) => ({ ...r, year })));
  }
  return registry;
}

/** The starter tables, read once per process. */
let tables: { readonly codes: readonly CodeEntry[]; readonly mapping: readonly EconomicMappingRow[] } | undefined;

/**
 * Reads the embedded tables with a plain split: they are ours, without quotes or commas in a
 * field (a test checks that they read the same as through the CSV reader), and the general reader
 * cost every command about 60 ms at start.
 */
function starterTables(): NonNullable<typeof tables> {
  if (tables !== undefined) return tables;
  const codes = dataRows(STARTER_CODES_CSV).map(([code, name, kind, year]): CodeEntry => ({ code: code!, name: name!, kind: findCodeKind(kind!)!, year: Number(year) }));
  const mapping = dataRows(STARTER_ECONOMIC_MAPPING_CSV).map(([deptCode, unit, govCode, year]): EconomicMappingRow => ({
    deptCode: deptCode!, unitType: unit === "*" ? "*" : findUnitType(unit!)!.key, govCode: govCode!, year: Number(year),
  }));
  tables = { codes, mapping };
  return tables;
}

/** The fields of each data line: comments (`#`) and the header line skipped. */
function dataRows(text: string): string[][] {
  const out: string[][] = [];
  let header = true;
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    if (header) {
      header = false;
      continue;
    }
    out.push(line.split(","));
  }
  return out;
}
