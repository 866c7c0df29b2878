/**
 * How a quota line is kept in the record store: collection `quota`, id = quota id, JSON-safe data
 * (the amount as a string of fen) and the index fields that matching filters on.
 */
import type { RecordWrite } from "@jincai/core";
import type { QuotaLine } from "./quota-line";

/**
 * The record-store collection of quota documents.
 *
 * @example
 * ```ts
 * await tx.getRecord(QUOTA_COLLECTION, "Q-2026-001");
 * ```
 */
export const QUOTA_COLLECTION = "quota";

/**
 * A quota line as stored: the same fields, with `amount` as a decimal string of fen.
 *
 * @example
 * ```ts
 * const doc: QuotaDocument = quotaRecord(line).data;
 * doc.amount; // "50000000" (fen, as text: JSON has no bigint)
 * quotaFromDocument(doc).amount; // 50000000n
 * ```
 */
export type QuotaDocument = Omit<QuotaLine, "amount"> & {
  /** The amount in fen, as a decimal string (JSON has no bigint). */
  readonly amount: string;
};

/**
 * The record write of a quota line, indexed by fiscalYear, agency, fundType, functionCode,
 * economicCode, govEconomicCode, project, paymentType, documentNumber and executable.
 *
 * @example
 * ```ts
 * quotaRecord(line).index?.documentNumber; // "财预〔2026〕1号"
 * ```
 */
export function quotaRecord(line: QuotaLine): RecordWrite<QuotaDocument> {
  const data: QuotaDocument = { ...line, amount: line.amount.toString() };
  return {
    collection: QUOTA_COLLECTION,
    id: line.id,
    data,
    index: {
      fiscalYear: String(line.fiscalYear),
      agency: line.agency,
      fundType: line.fundType,
      functionCode: line.functionCode,
      economicCode: line.economicCode,
      govEconomicCode: line.govEconomicCode,
      project: line.projectCode,
      paymentType: line.paymentType,
      documentNumber: line.documentNumber,
      executable: line.executable ? "1" : "0",
    },
  };
}

/**
 * The quota line of a stored document.
 *
 * @example
 * ```ts
 * quotaFromDocument({ ...doc, amount: "100000" }).amount; // 100000n
 * ```
 */
export function quotaFromDocument(doc: QuotaDocument): QuotaLine {
  return { ...doc, amount: BigInt(doc.amount) };
}

/**
 * The first field in which two quota lines differ, with both values as text; undefined when they
 * are the same line.
 *
 * @example
 * ```ts
 * quotaDifference(line, { ...line, executable: false }); // { field: "executable", recorded: "true", given: "false" }
 * ```
 */
export function quotaDifference(a: QuotaLine, b: QuotaLine): { readonly field: string; readonly recorded: string; readonly given: string } | undefined {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof QuotaLine>;
  for (const k of keys) {
    const [x, y] = [a[k] ?? undefined, b[k] ?? undefined];
    if (x !== y) return { field: k, recorded: x === undefined ? "(none)" : String(x), given: y === undefined ? "(none)" : String(y) };
  }
  return undefined;
}

