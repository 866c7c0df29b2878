/**
 * A code registry preloaded with the embedded starter list and economic mapping, relabelled to
 * the fiscal years asked for (the 2026 starter list is also usable as 2025). Every starter row is
 * [K]: from memory, to be verified against the official list.
 */
import { createCodeRegistry } from "./code-registry";
import type { CodeRegistry } from "./code-registry";
import { parseEconomicMappingCsv } from "./_economic-map";
import { parseCodeListCsv } from "./_parse-code-list-csv";
import { STARTER_CODES_CSV } from "./starter-codes";
import { STARTER_ECONOMIC_MAPPING_CSV } from "./starter-economic-mapping";

/** Options of {@link createStarterCodeRegistry}. */
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
  const codes = parseCodeListCsv(STARTER_CODES_CSV).entries;
  const mapping = parseEconomicMappingCsv(STARTER_ECONOMIC_MAPPING_CSV).rows;
  for (const year of options.years ?? [2026]) {
    registry.load(codes.map((e) => ({ ...e, year })));
    registry.loadEconomicMapping(mapping.map((r) => ({ ...r, year })));
  }
  return registry;
}
