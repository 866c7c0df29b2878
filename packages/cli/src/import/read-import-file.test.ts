import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatIssue, paymentRowSchema } from "@jincai/core";
import type { CsvRowReader } from "@jincai/core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readImportFile } from "./read-import-file";

const HEADER = ["支付单号", "支付日期", "单位编码", "资金性质", "功能科目", "金额", "收款人", "收款账号"];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "jincai-xlsx-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Writes a workbook of named sheets, each a list of rows (a row of cell values). */
async function workbook(name: string, sheets: Readonly<Record<string, readonly (readonly ExcelJS.CellValue[])[]>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    rows.forEach((row, i) => ws.getRow(i + 1).values = [...row]);
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function read(path: string, sheet?: string): Promise<{ rows: [number, string, bigint][]; issues: string[]; reader: CsvRowReader<unknown> }> {
  const reader = await readImportFile(path, paymentRowSchema, { file: "pay.xlsx", ...(sheet !== undefined ? { sheet } : {}) });
  const rows: [number, string, bigint][] = [];
  const issues: string[] = [];
  for await (const batch of reader) {
    for (const r of batch.rows) rows.push([r.line, r.value.payment_id, r.value.amount]);
    issues.push(...batch.issues.map(formatIssue));
  }
  return { rows, issues, reader: reader as CsvRowReader<unknown> };
}

describe("readImportFile of an .xlsx workbook", () => {
  it("reads the first sheet's rows at their sheet row numbers, with dates and numbers as Excel shows them", async () => {
    const path = await workbook("a.xlsx", {
      支付: [
        HEADER,
        ["ZF1", new Date(Date.UTC(2026, 2, 5)), "101001", "111", 2010301, 11397.63, "QC", "6222"],
        [],
        ["ZF2", "2026/3/6", "101001", 111, "2010301", "1,200.00", "QC", "6222"],
      ],
    });
    const { rows, issues, reader } = await read(path);
    expect(issues).toEqual([]);
    expect(rows).toEqual([[2, "ZF1", 1139763n], [4, "ZF2", 120000n]]);
    expect(reader.stats).toMatchObject({ rowsRead: 2, rowsAccepted: 2, aborted: false, encoding: undefined });
    expect(reader.stats.bytesRead).toBeGreaterThan(0);
  });

  it("reports a bad cell as file:row:column, and a number Excel mangled in a code column", async () => {
    const path = await workbook("b.xlsx", {
      支付: [
        HEADER,
        ["ZF1", "2026-03-05", "101001", "111", "2010301", 12.345, "QC", "6222000000000001"],
        ["ZF2", "2026-03-05", "101001", "111", "2010301", 10, "QC", 6222509268374647],
      ],
    });
    const { issues } = await read(path);
    expect(issues).toEqual([
      'pay.xlsx:2:6 IMPORT_INVALID_AMOUNT amount "12.345" has more than two decimals',
      'pay.xlsx:3:8 IMPORT_INVALID_CODE payee_account "6.222509268374647E+15" is not an account number: Excel turned it into a number (format the column as text)',
    ]);
  });

  it("reads the sheet asked for by name or number, and names the sheets when there is no such sheet", async () => {
    const path = await workbook("c.xlsx", { 说明: [["本表为支付明细"]], 支付: [HEADER, ["ZF9", "2026-03-05", "101001", "111", "2010301", 1, "QC", "6222"]] });
    const first = await read(path);
    expect(first.issues.find((i) => i.includes("IMPORT_MISSING_COLUMN"))).toMatch(/ \(sheet "说明"; --sheet reads another\)$/);
    expect((await read(path, "支付")).rows).toEqual([[2, "ZF9", 100n]]);
    expect((await read(path, "2")).rows).toEqual([[2, "ZF9", 100n]]);
    const missing = await read(path, "工资");
    expect(missing.issues).toEqual(['pay.xlsx:1:0 IMPORT_WORKBOOK pay.xlsx has no sheet "工资" (its sheets: 说明, 支付)']);
    expect(missing.reader.stats.aborted).toBe(true);
  });

  it("pads rows a sheet stores without their trailing empty cells, and rejects cells past the header", async () => {
    const path = await workbook("d.xlsx", {
      支付: [
        [...HEADER, "用途"],
        ["ZF1", "2026-03-05", "101001", "111", "2010301", 5, "QC", "6222"],
        ["ZF2", "2026-03-05", "101001", "111", "2010301", 5, "QC", "6222", "办公", "多余"],
      ],
    });
    const { rows, issues } = await read(path);
    expect(rows.map((r) => r[1])).toEqual(["ZF1"]);
    expect(issues).toEqual(["pay.xlsx:3:10 IMPORT_CSV_SYNTAX the row has 10 cells but the header has 9"]);
  });

  it("reads rows whose last cells are empty below a title row (a sheet stores no trailing empty cells)", async () => {
    const path = await workbook("e.xlsx", {
      支付: [
        ["青川市 2026 年 3 月支付明细"],
        [...HEADER, "指标编号", "用途"],
        ["ZF1", "2026-03-05", "101001", "111", "2010301", 5, "QC", "6222"],
        ["ZF2", "2026-03-05", "101001", "111", "2010301", 6, "QC", "6222", "ZB1"],
      ],
    });
    const { rows, issues } = await read(path);
    expect(issues).toEqual([]);
    expect(rows).toEqual([[3, "ZF1", 500n], [4, "ZF2", 600n]]);
  });

  it("refuses an Excel 97–2003 .xls and a damaged workbook with IMPORT_WORKBOOK", async () => {
    const xls = join(dir, "old.xls");
    await writeFile(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    expect((await read(xls)).issues).toEqual(["pay.xlsx:1:0 IMPORT_WORKBOOK pay.xlsx is an Excel 97–2003 (.xls) or password-protected workbook: save it as .xlsx without a password, or as CSV"]);
    const damaged = join(dir, "damaged.xlsx");
    await writeFile(damaged, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(64, 7)]));
    const { issues, reader } = await read(damaged);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^pay\.xlsx:1:0 IMPORT_WORKBOOK pay\.xlsx cannot be read as an \.xlsx workbook/);
    expect(reader.stats.aborted).toBe(true);
  });

  it("reads a CSV file as CSV, whatever its name", async () => {
    const path = join(dir, "really-csv.xlsx");
    await writeFile(path, `${HEADER.join(",")}\nZF1,2026-03-05,101001,111,2010301,1.00,QC,6222\n`);
    expect((await read(path)).rows).toEqual([[2, "ZF1", 100n]]);
  });
});
