/**
 * The 部门→政府 economic mapping tables behind a code registry: year → department code → unit
 * type (or `*`) → government code. Rows are checked against the loaded code lists, so a mapping
 * can only point at codes that exist in its year.
 */
import { findUnitType } from "../org/unit-type";
import type { CodeListIssue } from "./code-entry";
import { checkCodeShape } from "./code-shape";
import type { CodeTables } from "./_code-tables";
import type { EconomicMappingRow } from "./economic-mapping-row";
import { parseYear, readCsvTable } from "./_read-csv-table";

type Issue = { code: string; message: string };

/** Year → department code → unit type key or `*` → government code. */
export class EconomicMap {
  private readonly byYear = new Map<number, Map<string, Map<string, string>>>();

  /** The target for a department code and unit type key (own row first, then `*`). */
  lookup(deptCode: string, unitType: string, year: number): string | undefined {
    const rows = this.byYear.get(year)?.get(deptCode);
    return rows?.get(unitType) ?? rows?.get("*");
  }

  /** Validates rows against the code tables and the loaded mapping. */
  check(rows: readonly EconomicMappingRow[], tables: CodeTables) {
    const issues: CodeListIssue[] = [];
    const fresh: EconomicMappingRow[] = [];
    const batch = new Set<string>();
    let unchanged = 0;
    rows.forEach((row, index) => {
      const problem = this.rowProblem(row, tables, batch);
      if (problem === "unchanged") unchanged++;
      else if (problem !== undefined) issues.push({ index, ...problem });
      else fresh.push(row);
      batch.add(`${row.year}|${row.deptCode}|${row.unitType}`);
    });
    return { issues, fresh, unchanged };
  }

  private rowProblem(
    row: EconomicMappingRow,
    tables: CodeTables,
    batch: ReadonlySet<string>,
  ): Issue | "unchanged" | undefined {
    const codeProblem =
      codeIssue("economic-dept", row.deptCode, row.year, tables) ??
      codeIssue("economic-gov", row.govCode, row.year, tables);
    if (codeProblem !== undefined) return codeProblem;
    if (row.unitType !== "*" && findUnitType(row.unitType)?.key !== row.unitType) {
      return { code: "ORG_UNIT_TYPE_UNKNOWN", message: `unknown unit type "${row.unitType}"` };
    }
    const what = `mapping of ${row.deptCode} for ${row.unitType} (${row.year})`;
    if (batch.has(`${row.year}|${row.deptCode}|${row.unitType}`)) {
      return { code: "CODE_DUPLICATE", message: `${what} appears twice` };
    }
    const existing = this.byYear.get(row.year)?.get(row.deptCode)?.get(row.unitType);
    if (existing === undefined) return undefined;
    if (existing === row.govCode) return "unchanged";
    return { code: "CODE_DUPLICATE", message: `${what} is already ${existing}` };
  }

  /** Adds rows that passed {@link EconomicMap.check}. */
  commit(rows: readonly EconomicMappingRow[]): void {
    for (const row of rows) {
      let depts = this.byYear.get(row.year);
      if (depts === undefined) this.byYear.set(row.year, (depts = new Map()));
      let targets = depts.get(row.deptCode);
      if (targets === undefined) depts.set(row.deptCode, (targets = new Map()));
      targets.set(row.unitType, row.govCode);
    }
  }
}

function codeIssue(
  kind: "economic-dept" | "economic-gov",
  code: string,
  year: number,
  tables: CodeTables,
): Issue | undefined {
  const shape = checkCodeShape(kind, code);
  if (shape !== undefined) return { code: shape, message: `not a ${kind} code: "${code}"` };
  const kinds = tables.kinds(year);
  if (kinds === undefined) {
    return { code: "CODE_YEAR_UNKNOWN", message: `no code list for ${year}` };
  }
  if (kinds.get(kind)?.has(code) !== true) {
    return { code: "CODE_UNKNOWN", message: `${kind} ${code} is not in the ${year} list` };
  }
  return undefined;
}

/** The accepted header names of a mapping CSV, per column. */
const MAPPING_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  dept_code: ["部门经济分类", "部门预算支出经济分类", "部门经济科目", "deptcode"],
  unit_type: ["单位类型", "unittype"],
  gov_code: ["政府经济分类", "政府预算支出经济分类", "政府经济科目", "govcode"],
  year: ["年度", "fiscal_year", "财政年度"],
};

/**
 * Parses mapping CSV text; unit types may be keys, Chinese names or `*`.
 *
 * @throws {JincaiError} CODE_LIST_INVALID when the CSV is unreadable or a column is missing
 */
export function parseEconomicMappingCsv(text: string) {
  const { rows: table, issues } = readCsvTable(text, MAPPING_COLUMNS);
  const rows: EconomicMappingRow[] = [];
  const indexes: number[] = [];
  const lines: number[] = [];
  for (const { index, line, values } of table) {
    const unitText = values["unit_type"] ?? "";
    const unitType = unitText === "*" ? "*" : findUnitType(unitText)?.key;
    const year = parseYear(values["year"] ?? "");
    if (unitType === undefined) {
      const message = `unknown unit type "${unitText}"`;
      issues.push({ index, line, code: "ORG_UNIT_TYPE_UNKNOWN", message });
    } else if (year === undefined) {
      const message = `not a fiscal year: "${values["year"] ?? ""}"`;
      issues.push({ index, line, code: "CODE_LIST_INVALID", message });
    } else {
      const deptCode = values["dept_code"] ?? "";
      rows.push({ deptCode, unitType, govCode: values["gov_code"] ?? "", year });
      indexes.push(index);
      lines.push(line);
    }
  }
  return { rows, indexes, lines, issues };
}
