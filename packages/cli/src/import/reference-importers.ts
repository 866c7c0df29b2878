/**
 * Importers of reference data: agencies (预算单位) and classification codes. Both live in the
 * record store; re-importing the same row is `exists`, a changed row updates the record.
 */
import { CODE_KINDS, JincaiError, findCodeKind, findUnitType, isJincaiError } from "@jincai/core";
import type { AgencyInput, AgencyRow, CodeEntry, CodeRow, StoreTx } from "@jincai/core";
import type { JincaiConfig } from "../config";
import { AGENCY_COLLECTION, CODE_COLLECTION, loadReferenceData } from "../reference-data";
import type { Importer, RowOutcome } from "./row-outcome";

/**
 * Prepares the agency importer: parents must be known (imported earlier or earlier in the file).
 *
 * @example
 * ```ts
 * const importer = await agencyImporter(tx, config);
 * await importer.apply(rows);
 * ```
 */
export async function agencyImporter(tx: StoreTx, config: JincaiConfig): Promise<Importer<AgencyRow>> {
  const known = new Set<string>();
  for await (const r of tx.queryRecords<AgencyInput>(AGENCY_COLLECTION)) known.add(r.id);
  return {
    async apply(rows) {
      const out: RowOutcome[] = [];
      for (const row of rows) {
        const unitType = findUnitType(row.agency_type ?? "行政");
        if (unitType === undefined) {
          out.push({ status: "rejected", code: "ORG_UNIT_TYPE_UNKNOWN", field: "agency_type", message: `agency_type: unknown unit type "${row.agency_type}"` });
          continue;
        }
        const parent = row.parent_code ?? "";
        if (parent !== "" && !known.has(parent)) {
          out.push({ status: "rejected", code: "ORG_PARENT_UNKNOWN", field: "parent_code", message: `parent_code: agency ${parent} is not known (import parents first)` });
          continue;
        }
        const data: AgencyInput = {
          code: row.agency_code,
          name: row.agency_name,
          unitType: unitType.key,
          divisionCode: row.division ?? config.division,
          ...(parent !== "" ? { parentCode: parent } : {}),
        };
        out.push(await putIfChanged(tx, AGENCY_COLLECTION, row.agency_code, data, { parent }));
        known.add(row.agency_code);
      }
      return out;
    },
  };
}

/**
 * Prepares the classification-code importer: each code is checked (level, parent, kind) against
 * the year's list as it grows.
 *
 * @example
 * ```ts
 * const importer = await codeImporter(tx, config);
 * ```
 */
export async function codeImporter(tx: StoreTx, config: JincaiConfig): Promise<Importer<CodeRow>> {
  const { codes } = await loadReferenceData(tx, config.fiscalYear);
  return {
    async apply(rows) {
      const out: RowOutcome[] = [];
      for (const row of rows) {
        const kind = row.kind !== undefined ? findCodeKind(row.kind) : CODE_KINDS.find((k) => k.leadingDigit === row.code[0])?.kind;
        if (kind === undefined) {
          out.push({ status: "rejected", code: "CODE_KIND_UNKNOWN", field: "kind", message: `kind: "${row.kind ?? ""}" is not a code kind` });
          continue;
        }
        const entry: CodeEntry = { code: row.code, name: row.name, kind, year: row.fiscal_year ?? config.fiscalYear };
        try {
          codes.load([entry]);
        } catch (error) {
          if (!isJincaiError(error)) throw error;
          const issue = (error.details["issues"] as { code?: string; message?: string }[] | undefined)?.[0];
          out.push({ status: "rejected", code: issue?.code ?? error.code, field: "code", message: `code: ${issue?.message ?? error.message}` });
          continue;
        }
        out.push(await putIfChanged(tx, CODE_COLLECTION, `${entry.kind}:${entry.year}:${entry.code}`, entry, { kind: entry.kind, year: String(entry.year) }));
      }
      return out;
    },
  };
}

async function putIfChanged<T>(tx: StoreTx, collection: string, id: string, data: T, index: Record<string, string>): Promise<RowOutcome> {
  const existing = await tx.getRecord<T>(collection, id);
  if (existing !== undefined && JSON.stringify(existing.data) === JSON.stringify(data)) return { status: "exists" };
  try {
    await tx.putRecord({ collection, id, data, index, expectedVersion: existing?.version ?? 0 });
  } catch (error) {
    if (isJincaiError(error, "RECORD_VERSION_CONFLICT")) {
      throw new JincaiError("CLI_CONCURRENT_CHANGE", `${collection} ${id} changed while importing; re-run the import`, { cause: error });
    }
    throw error;
  }
  return { status: "ok" };
}
