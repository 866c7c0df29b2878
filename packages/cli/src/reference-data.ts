/**
 * The reference data every command checks against: the classification codes (the starter list
 * plus any imported with `jincai import codes`), the agencies (`jincai import agencies`) and the
 * fund types. Kept in the store's record store so every client of a database sees the same.
 */
import { FUND_TYPES, buildAgencyTree, createStarterCodeRegistry } from "@jincai/core";
import type { AgencyInput, AgencyTree, CodeEntry, CodeRegistry, StoreTx } from "@jincai/core";

/** Record collection of imported agencies (id = agency code). */
export const AGENCY_COLLECTION = "agency";
/** Record collection of imported classification codes (id = `kind:year:code`). */
export const CODE_COLLECTION = "code";

/** Codes, agencies and fund types for one fiscal year. */
export interface ReferenceData {
  /** Starter codes for the year plus imported ones. */
  readonly codes: CodeRegistry;
  /** The agency tree. */
  readonly agencies: AgencyTree;
  /** Agency codes. */
  readonly agencyCodes: ReadonlySet<string>;
  /** Fund-type codes. */
  readonly fundTypes: ReadonlySet<string>;
  /** The codes imported with `jincai import codes` (already in `codes`), to build it again elsewhere. */
  readonly importedCodes: readonly CodeEntry[];
}

/**
 * Loads the reference data of a fiscal year from the store.
 *
 * @example
 * ```ts
 * const ref = await loadReferenceData(store, 2026);
 * ref.codes.check("function", "2010101", 2026, { leaf: true }); // undefined when valid
 * ```
 */
export async function loadReferenceData(tx: StoreTx, fiscalYear: number): Promise<ReferenceData> {
  const imported: CodeEntry[] = [];
  for await (const r of tx.queryRecords<CodeEntry>(CODE_COLLECTION)) imported.push(r.data);
  const codes = yearCodes(fiscalYear, imported);
  const agencies: AgencyInput[] = [];
  for await (const r of tx.queryRecords<AgencyInput>(AGENCY_COLLECTION)) agencies.push(r.data);
  const tree = buildAgencyTree(agencies);
  return {
    codes,
    agencies: tree,
    agencyCodes: new Set(agencies.map((a) => a.code)),
    fundTypes: new Set(FUND_TYPES.map((f) => f.code)),
    importedCodes: imported,
  };
}

/**
 * A year's classification: the starter list plus the codes a bureau imported, whose names replace
 * the starter list's (they are its official list).
 *
 * @example
 * ```ts
 * yearCodes(2026, [{ kind: "function", code: "2010199", name: "其他人大事务支出", year: 2026 }]).check("function", "2010199", 2026); // undefined
 * ```
 */
export function yearCodes(fiscalYear: number, imported: readonly CodeEntry[]): CodeRegistry {
  const codes = createStarterCodeRegistry({ years: [fiscalYear] });
  if (imported.length > 0) codes.load(imported, { rename: true });
  return codes;
}
