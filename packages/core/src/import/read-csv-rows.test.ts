import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { formatIssue } from "./import-issue";
import type { ImportMapping } from "./import-mapping";
import { readCsvRows, type ReadCsvRowsOptions } from "./read-csv-rows";
import type { ImportBatch } from "./read-record-rows";
import type { RowSchema } from "./row-schema";
import { paymentRowSchema } from "./schemas/payment-row-schema";

const HEADER = "支付编号,单位编码,资金性质,功能科目,金额,支付日期,摘要,收款人,收款账号";
/** The payee and account cells every row of {@link HEADER} ends with. */
const PAYEE = ",QC Ltd,6222000000000001";
const payee = { payee_name: "QC Ltd", payee_account: "6222000000000001" };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function readAll<T>(
  chunks: Iterable<Uint8Array> | ReadableStream<Uint8Array>,
  schema: RowSchema<T>,
  options: Partial<ReadCsvRowsOptions> = {},
) {
  const reader = readCsvRows(chunks, schema, { file: "payments.csv", ...options });
  const batches: ImportBatch<T>[] = [];
  for await (const batch of reader) batches.push(batch);
  return {
    stats: reader.stats,
    batches,
    rows: batches.flatMap((b) => b.rows),
    rejected: batches.flatMap((b) => b.rejected),
    issues: batches.flatMap((b) => b.issues),
    text: batches.flatMap((b) => b.issues).map(formatIssue),
  };
}

describe("readCsvRows", () => {
  it("reads Chinese headers into typed rows with amounts in fen and ISO dates", async () => {
    const csv = `${HEADER}\nP001,101001,111,2010101,"1,234.56",2026/3/5,办公用品${PAYEE}\nP002,101002,111,20101,¥80,20260306,${PAYEE}\n`;
    const { rows, issues, stats } = await readAll([utf8(csv)], paymentRowSchema);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { line: 2, value: { payment_id: "P001", agency_code: "101001", fund_type: "111", function_code: "2010101", amount: 123456n, paid_on: "2026-03-05", summary: "办公用品", ...payee } },
      { line: 3, value: { payment_id: "P002", agency_code: "101002", fund_type: "111", function_code: "20101", amount: 8000n, paid_on: "2026-03-06", ...payee } },
    ]);
    expect(stats).toMatchObject({ encoding: "utf-8", rowsRead: 2, rowsAccepted: 2, rowsRejected: 0, aborted: false });
    expect(stats.bytesRead).toBe(utf8(csv).byteLength);
  });

  it("reads English headers in any case and spacing", async () => {
    const csv = "Payment No,AGENCY,Fund,exp_func_code,Amount,Date,Payee,payee_acct_no\nP1,101001,111,2010101,12.30,2026-03-05,青川公司,6222000000000001\n";
    const { rows, issues } = await readAll([utf8(csv)], paymentRowSchema);
    expect(issues).toEqual([]);
    expect(rows[0]?.value.amount).toBe(1230n);
  });

  it("reads UTF-8 with a BOM, dropping the BOM from the first header", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`${HEADER}\nP1,101001,111,2010101,1,2026-03-05,x${PAYEE}\n`)]);
    const { rows, stats } = await readAll([bytes], paymentRowSchema);
    expect(stats.encoding).toBe("utf-8");
    expect(stats.header?.[0]).toBe("支付编号");
    expect(rows).toHaveLength(1);
  });

  it("detects GB18030 (an Excel export) and decodes 单位编码 and 办公用品", async () => {
    const bytes = iconv.encode(`${HEADER}\r\nP1,101001,111,2010101,5.00,2026-03-05,办公用品${PAYEE}\r\n`, "gb18030");
    const { rows, stats } = await readAll([bytes], paymentRowSchema);
    expect(stats.encoding).toBe("gb18030");
    expect(rows[0]?.value.summary).toBe("办公用品");
  });

  it("decodes a character split across chunks, in UTF-8 and in GB18030 (a web ReadableStream)", async () => {
    for (const encoding of ["utf-8", "gb18030"] as const) {
      const bytes = iconv.encode(`${HEADER}\nP1,101001,111,2010101,5,2026-03-05,办公用品${PAYEE}\n`, encoding);
      const cut = bytes.indexOf(encoding === "utf-8" ? 0xe5 : 0xb0, 60) + 1; // inside 办
      const parts = [bytes.subarray(0, cut), bytes.subarray(cut)];
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
      const { rows } = await readAll(stream, paymentRowSchema, { encoding });
      expect(rows[0]?.value.summary).toBe("办公用品");
    }
  });

  it("reports a bad amount, a bad date and an empty required cell as file:line:column", async () => {
    const csv = `${HEADER}\nP1,101001,111,2010101,12.345,2026-02-30,x${PAYEE}\nP2,,111,2010101,1,2026-03-05,x${PAYEE}\nP3,101001,111,2010101,1,2026-03-05,ok${PAYEE}\n`;
    const { text, rows, rejected, stats } = await readAll([utf8(csv)], paymentRowSchema);
    expect(text).toEqual([
      'payments.csv:2:5 IMPORT_INVALID_AMOUNT amount "12.345" has more than two decimals',
      'payments.csv:2:6 IMPORT_INVALID_DATE paid_on "2026-02-30" is not a date: 2026-02 has 28 days (write 2026-03-05, 2026/3/5 or 20260305)',
      "payments.csv:3:2 IMPORT_REQUIRED agency_code is required but the cell is empty",
    ]);
    expect(rejected.map((r) => [r.line, r.cells[0]])).toEqual([[2, "P1"], [3, "P2"]]);
    expect(rows.map((r) => r.line)).toEqual([4]);
    expect(stats).toMatchObject({ rowsRead: 3, rowsAccepted: 1, rowsRejected: 2, errors: 3 });
  });

  it("reports IMPORT_INVALID_CODE for a function code Excel turned into a number", async () => {
    const csv = `${HEADER}\nP1,101001,111,2.010101E+6,1,2026-03-05,x${PAYEE}\n`;
    const { issues } = await readAll([utf8(csv)], paymentRowSchema);
    expect(issues.map((i) => [i.code, i.line, i.column, i.field, i.value])).toEqual([
      ["IMPORT_INVALID_CODE", 2, 4, "function_code", "2.010101E+6"],
    ]);
  });

  it("numbers the row after a multi-line quoted cell by its physical line", async () => {
    const csv = `${HEADER}\nP1,101001,111,2010101,1,2026-03-05,"第一行\n第二行\n第三行"${PAYEE}\nP2,101001,111,2010101,abc,2026-03-05,x${PAYEE}\n`;
    const { rows, text } = await readAll([utf8(csv)], paymentRowSchema);
    // The cell's line breaks are Excel's wrapping: the purpose is one line (textField).
    expect(rows[0]?.value.summary).toBe("第一行第二行第三行");
    expect(text).toEqual([
      'payments.csv:5:5 IMPORT_INVALID_AMOUNT amount "abc" is not an amount (write 1234.56 or 1,234.56)',
    ]);
  });

  it("reads a row Excel saved without the commas of its empty last cells (after row 16) when only optional columns are missing", async () => {
    const header = "支付编号,单位编码,资金性质,功能科目,金额,支付日期,收款人,收款账号,摘要,状态";
    const full = "P1,101001,111,2010101,1,2026-03-05,QC Ltd,6222000000000001,办公,已支付";
    const csv = `${header}\n${full}\nP2,101001,111,2010101,2,2026-03-05,QC Ltd,6222000000000001\nP3,101001,111,2010101,3,2026-03-05,QC Ltd,6222000000000001,差旅\nP4,101001,111,2010101,4,2026-03-05,QC Ltd\n`;
    const { rows, text } = await readAll([utf8(csv)], paymentRowSchema);
    expect(rows.map((r) => [r.value.payment_id, r.value.amount, r.value.summary, r.value.status])).toEqual([
      ["P1", 100n, "办公", "已支付"],
      ["P2", 200n, undefined, undefined],
      ["P3", 300n, "差旅", undefined],
    ]);
    // A required column missing is a row that lost cells, perhaps in its middle: never read shifted.
    expect(text).toEqual(["payments.csv:5:8 IMPORT_CSV_SYNTAX the row has 7 cells but the header has 10"]);
  });

  it("checks a 合计 row Excel saved without its empty last cells as any totals row", async () => {
    const header = "支付编号,单位编码,资金性质,功能科目,金额,支付日期,收款人,收款账号,摘要,状态";
    const csv = `${header}\nP1,101001,111,2010101,1,2026-03-05,QC Ltd,6222000000000001\n合计,,,,1.50,,,\n`;
    const { rows, text } = await readAll([utf8(csv)], paymentRowSchema);
    expect(rows).toHaveLength(1);
    expect(text).toEqual(["payments.csv:3:5 IMPORT_TOTAL_MISMATCH amount: the 合计 row says 1.50, but the 1 row it totals sums to 1.00 (rows lost or changed?)"]);
  });

  it("rejects a row with the wrong number of cells as IMPORT_CSV_SYNTAX and goes on", async () => {
    const csv = `${HEADER}\nP1,101001,111,2010101,1,2026-03-05${PAYEE}\nP2,101001,111,2010101,1,2026-03-05,x${PAYEE}\n`;
    const { issues, rows, stats } = await readAll([utf8(csv)], paymentRowSchema);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([["IMPORT_CSV_SYNTAX", 2, 9]]);
    expect(rows).toHaveLength(1);
    expect(stats.aborted).toBe(false);
  });

  it("stops at a quote error with IMPORT_CSV_SYNTAX at the record's line", async () => {
    const csv = `${HEADER}\nP1,101001,111,2010101,1,2026-03-05,x${PAYEE}\nP2,101001,111,2010101,1,2026-03-05,"bad"quote${PAYEE}\nP3,101001,111,2010101,1,2026-03-05,x${PAYEE}\n`;
    const { issues, rows, stats } = await readAll([utf8(csv)], paymentRowSchema);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([["IMPORT_CSV_SYNTAX", 3, 7]]);
    expect(stats.aborted).toBe(true);
  });

  it("reports one IMPORT_MISSING_COLUMN at line 1 naming the fields and the headers seen", async () => {
    const { issues, stats, rows } = await readAll([utf8("单位编码,金额\n101001,1\n")], paymentRowSchema);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "IMPORT_MISSING_COLUMN", line: 1, field: "payment_id" });
    expect(issues[0]?.message).toContain('headers seen: "单位编码", "金额"');
    expect(issues[0]?.message).toContain("function_code");
    expect(rows).toEqual([]);
    expect(stats.aborted).toBe(true);
  });

  it("asks for the payee columns once, at the header, rather than rejecting every row without them", async () => {
    const { issues, rows } = await readAll([utf8("支付编号,单位编码,资金性质,功能科目,金额,支付日期\nP1,101001,111,2010101,1,2026-03-05\n")], paymentRowSchema);
    expect(issues.map((i) => [i.code, i.line, i.field])).toEqual([["IMPORT_MISSING_COLUMN", 1, "payee_name"]]);
    expect(issues[0]?.message).toMatch(/^missing column for payee_name \(收款人.*\), payee_account \(收款账号/);
    expect(rows).toEqual([]);
  });

  it("reports IMPORT_MISSING_COLUMN for an empty file", async () => {
    const { issues } = await readAll([utf8("\n\n")], paymentRowSchema);
    expect(issues.map((i) => i.code)).toEqual(["IMPORT_MISSING_COLUMN"]);
  });

  it("reports IMPORT_DUPLICATE_COLUMN when 单位编码 and 单位代码 both appear", async () => {
    const csv = "支付编号,单位编码,单位代码,资金性质,功能科目,金额,支付日期,收款人,收款账号\nP1,1,1,111,201,1,2026-03-05,青川公司,6222000000000001\n";
    const { issues, stats } = await readAll([utf8(csv)], paymentRowSchema);
    expect(issues.map((i) => [i.code, i.column, i.field])).toEqual([["IMPORT_DUPLICATE_COLUMN", 3, "agency_code"]]);
    expect(stats.aborted).toBe(true);
  });

  it("warns with IMPORT_UNKNOWN_COLUMN about a header that matches no field", async () => {
    const csv = `${HEADER},备注\nP1,101001,111,2010101,1,2026-03-05,x${PAYEE},note\n`;
    const { issues, rows } = await readAll([utf8(csv)], paymentRowSchema);
    expect(issues.map((i) => [i.code, i.severity, i.column])).toEqual([["IMPORT_UNKNOWN_COLUMN", "warning", 10]]);
    expect(rows).toHaveLength(1);
  });

  it("applies a mapping file's columns, constants and values", async () => {
    const mapping: ImportMapping = {
      columns: { 流水号: "payment_id", 预算单位: "agency_code", 备注: null },
      constants: { paid_on: "2026-03-31" },
      values: { fund_type: { 一般公共预算资金: "111", 政府性基金预算资金: "121" } },
    };
    const csv = "流水号,预算单位,资金性质,功能科目,金额,备注,收款人,收款账号\nL1,101001,一般公共预算资金,2010101,1,x,青川公司,6222000000000001\nL2,101002,政府性基金预算资金,2010101,2,y,青川公司,6222000000000001\n";
    const { rows, issues } = await readAll([utf8(csv)], paymentRowSchema, { mapping });
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.value.payment_id, r.value.agency_code, r.value.fund_type, r.value.paid_on])).toEqual([
      ["L1", "101001", "111", "2026-03-31"],
      ["L2", "101002", "121", "2026-03-31"],
    ]);
  });

  it("throws IMPORT_MAPPING_INVALID when the mapping names a field payments lacks", () => {
    const mapping: ImportMapping = { constants: { fund_typ: "111" } };
    expect(() => readCsvRows([], paymentRowSchema, { file: "p.csv", mapping })).toThrow(
      expect.objectContaining({ code: "IMPORT_MAPPING_INVALID", details: { path: "constants.fund_typ" } }),
    );
  });

  it("reports IMPORT_ENCODING for GB18030 text after a pure-ASCII first 64 KB read as UTF-8", async () => {
    const filler = `P0,101001,111,2010101,1,2026-03-05,x${PAYEE}\n`.repeat(2000);
    const tail = iconv.encode(`P9,101001,111,2010101,1,2026-03-05,办公${PAYEE}\n`, "gb18030");
    const { issues, stats } = await readAll([utf8(`${HEADER}\n${filler}`), tail], paymentRowSchema);
    expect(stats.encoding).toBe("utf-8");
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([["IMPORT_ENCODING", 2002, 7]]);
  });

  it("refuses a UTF-16 file with IMPORT_ENCODING", async () => {
    const { issues, stats } = await readAll([new Uint8Array([0xff, 0xfe, 0x61, 0x00])], paymentRowSchema);
    expect(issues.map((i) => i.code)).toEqual(["IMPORT_ENCODING"]);
    expect(stats.aborted).toBe(true);
  });

  it("hands out batches of batchSize records with cumulative counters", async () => {
    const csv = `${HEADER}\n${`P1,101001,111,2010101,1,2026-03-05,x${PAYEE}\n`.repeat(5)}`;
    const { batches } = await readAll([utf8(csv)], paymentRowSchema, { batchSize: 2 });
    expect(batches.map((b) => [b.rows.length, b.rowsRead])).toEqual([[2, 2], [2, 4], [1, 5]]);
  });
});
