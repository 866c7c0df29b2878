import { describe, expect, it } from "vitest";
import { JincaiError } from "../errors/jincai-error";
import type { RecordChunk } from "./csv-tokenizer";
import { formatIssue } from "./import-issue";
import { ImportIssueCode } from "./import-issue-code";
import { readRecordRows, type ImportBatch } from "./read-record-rows";
import { agencyRowSchema } from "./schemas/agency-row-schema";
import { paymentRowSchema } from "./schemas/payment-row-schema";

const HEADER = ["支付单号", "支付日期", "单位编码", "资金性质", "功能科目", "金额", "收款人", "收款账号"];
const state = { bytesRead: 0, encoding: undefined, replaced: false };

async function* sheet(chunks: readonly RecordChunk[], failure?: JincaiError): AsyncGenerator<RecordChunk> {
  for (const chunk of chunks) yield chunk;
  if (failure !== undefined) throw failure;
}

async function all<T>(reader: AsyncIterable<ImportBatch<T>>): Promise<ImportBatch<T>[]> {
  const out: ImportBatch<T>[] = [];
  for await (const batch of reader) out.push(batch);
  return out;
}

describe("readRecordRows (records from any tokenizer, e.g. a spreadsheet's rows)", () => {
  it("validates rows at the sheet row numbers the records carry, skipping the gaps of empty rows", async () => {
    const records = sheet([
      { records: [HEADER, ["ZF1", "2026-03-05", "101001", "111", "2010301", "100.00", "QC", "6222"]], lines: [1, 2] },
      { records: [["ZF2", "2026-03-06", "101001", "111", "2010301", "12.345", "QC", "6222"]], lines: [5] },
    ]);
    const reader = readRecordRows({ records, state }, paymentRowSchema, { file: "payments.xlsx" });
    const batches = await all(reader);
    expect(batches.flatMap((b) => b.rows.map((r) => [r.line, r.value.payment_id, r.value.amount]))).toEqual([[2, "ZF1", 10000n]]);
    expect(batches.flatMap((b) => b.issues.map(formatIssue))).toEqual([
      'payments.xlsx:5:6 IMPORT_INVALID_AMOUNT amount "12.345" has more than two decimals',
    ]);
    expect(reader.stats).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1, aborted: false });
  });

  it("ends with a file-level issue when the tokenizer fails with an IMPORT_ code, keeping the rows before it", async () => {
    const failure = new JincaiError(ImportIssueCode.WORKBOOK, "the workbook is damaged", { details: { line: 3, column: 0 } });
    const records = sheet([{ records: [HEADER, ["ZF1", "2026-03-05", "101001", "111", "2010301", "100.00", "QC", "6222"]], lines: [1, 2] }], failure);
    const reader = readRecordRows({ records, state }, paymentRowSchema, { file: "payments.xlsx" });
    const batches = await all(reader);
    expect(batches.flatMap((b) => b.rows.map((r) => r.value.payment_id))).toEqual(["ZF1"]);
    expect(batches.flatMap((b) => b.issues.map(formatIssue))).toEqual(["payments.xlsx:3:0 IMPORT_WORKBOOK the workbook is damaged"]);
    expect(reader.stats.aborted).toBe(true);
  });

  it("lets any other error through", async () => {
    const records = sheet([{ records: [HEADER], lines: [1] }], new JincaiError("STORE_IO", "disk"));
    await expect(all(readRecordRows({ records, state }, paymentRowSchema, { file: "p.xlsx" }))).rejects.toMatchObject({ code: "STORE_IO" });
  });

  it("skips a report title and a unit line above the header, keeping the rows' own line numbers", async () => {
    const records = sheet([
      {
        records: [["青川市 2026 年支付明细表", "", ""], ["单位：元"], HEADER, ["ZF1", "2026-03-05", "101001", "111", "2010301", "100.00", "QC", "6222"]],
        lines: [1, 2, 3, 4],
      },
    ]);
    const reader = readRecordRows({ records, state }, paymentRowSchema, { file: "payments.csv" });
    const batches = await all(reader);
    expect(batches.flatMap((b) => b.rows.map((r) => [r.line, r.value.payment_id]))).toEqual([[4, "ZF1"]]);
    expect(batches.flatMap((b) => b.issues)).toEqual([]);
    expect(reader.stats.header).toEqual(HEADER);
  });

  it("skips a row of column groups above the header too", async () => {
    const records = sheet([
      {
        records: [["支付信息", "", "", "", "", "", "收款人信息", ""], HEADER, ["ZF1", "2026-03-05", "101001", "111", "2010301", "100.00", "QC", "6222"]],
        lines: [1, 2, 3],
      },
    ]);
    const batches = await all(readRecordRows({ records, state }, paymentRowSchema, { file: "payments.xlsx" }));
    expect(batches.flatMap((b) => b.rows.map((r) => [r.line, r.value.payment_id]))).toEqual([[3, "ZF1"]]);
  });

  it("reports the first row's problems when none of the first six rows is a header", async () => {
    const titlesOnly = readRecordRows({ records: sheet([{ records: [["标题"], ["单位：元"]], lines: [1, 2] }]), state }, paymentRowSchema, { file: "t.csv" });
    const first = (await all(titlesOnly)).flatMap((b) => b.issues.map(formatIssue));
    expect(first.some((i) => i.startsWith("t.csv:1:1 IMPORT_MISSING_COLUMN missing column for payment_id") && i.endsWith('headers seen: "标题"'))).toBe(true);
    expect(titlesOnly.stats).toMatchObject({ aborted: true, header: ["标题"] });
    const seven = Array.from({ length: 7 }, (_, i) => (i === 6 ? HEADER : [`第${i + 1}行`, "x"]));
    const reader = readRecordRows({ records: sheet([{ records: seven, lines: [1, 2, 3, 4, 5, 6, 7] }]), state }, paymentRowSchema, { file: "t.csv" });
    const issues = (await all(reader)).flatMap((b) => b.issues.map(formatIssue));
    expect(issues.filter((i) => i.includes("IMPORT_MISSING_COLUMN"))).toHaveLength(1);
    expect(issues.some((i) => i.startsWith("t.csv:1:1 IMPORT_MISSING_COLUMN"))).toBe(true);
    expect(reader.stats.aborted).toBe(true);
  });

  it("pads short rows when the records are ragged, and not otherwise; drops empty cells past the header in both", async () => {
    const records = () => sheet([{ records: [HEADER, ["ZF1", "2026-03-05", "101001", "111", "2010301", "1", "QC", "6222", "", ""], ["ZF2", "2026-03-05", "101001", "111", "2010301", "1", "QC"]], lines: [1, 2, 3] }]);
    const ragged = (await all(readRecordRows({ records: records(), state }, paymentRowSchema, { file: "p.xlsx", ragged: true }))).flatMap((b) => b.issues.map(formatIssue));
    expect(ragged).toEqual(["p.xlsx:3:8 IMPORT_REQUIRED payee_account is required but the cell is empty"]);
    const strict = (await all(readRecordRows({ records: records(), state }, paymentRowSchema, { file: "p.csv" }))).flatMap((b) => b.issues.map((i) => i.code));
    expect(strict).toEqual(["IMPORT_CSV_SYNTAX"]);
  });

  describe("totals rows (合计, 小计)", () => {
    const pay = (id: string, amount: string) => [id, "2026-03-05", "101001", "111", "2010301", amount, "QC", "6222"];
    const read = async (rows: string[][], schema = paymentRowSchema as typeof paymentRowSchema, header = HEADER) => {
      const records = sheet([{ records: [header, ...rows], lines: rows.map((_, i) => i + 1).concat(rows.length + 1) }]);
      const reader = readRecordRows({ records, state }, schema, { file: "p.csv", keepCells: true, batchSize: 2 });
      const batches = await all(reader);
      return { reader, batches, issues: batches.flatMap((b) => b.issues.map(formatIssue)) };
    };

    it("skips a 合计 row that matches the rows above with a warning, counting only the data rows", async () => {
      const { reader, batches, issues } = await read([pay("ZF1", "100.00"), pay("ZF2", "12.345"), pay("ZF3", "1,000.50"), ["合计", "", "", "", "", "1,100.50", "", ""]]);
      // ZF2's amount cannot be read, so the total cannot be checked.
      expect(issues).toContain("p.csv:5:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped (its total is not checked: a row above has no readable amount)");
      expect(reader.stats).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1, warnings: 1 });
      const good = await read([pay("ZF1", "100.00"), pay("ZF2", "0.50"), ["合 计", "", "", "", "", "100.50", "", ""]]);
      expect(good.issues).toEqual(["p.csv:4:1 IMPORT_TOTALS_ROW a totals row (合 计), not data: skipped; its 100.50 is the sum of the 2 rows it totals"]);
      expect(good.reader.stats).toMatchObject({ rowsRead: 2, rowsAccepted: 2, rowsRejected: 0, errors: 0 });
      expect(batches.flatMap((b) => b.rows.map((r) => r.value.payment_id))).toEqual(["ZF1", "ZF3"]);
    });

    it("rejects a 合计 row whose amount is not the sum of the rows above, rejected rows included, keeping its cells", async () => {
      const totalsRow = ["合计", "", "", "", "", "300.00", "", ""];
      const { reader, batches, issues } = await read([pay("ZF1", "100.00"), ["ZF2", "2026-03-05", "", "111", "2010301", "150.00", "QC", "6222"], totalsRow]);
      expect(issues).toEqual([
        "p.csv:3:3 IMPORT_REQUIRED agency_code is required but the cell is empty",
        "p.csv:4:6 IMPORT_TOTAL_MISMATCH amount: the 合计 row says 300.00, but the 2 rows it totals sum to 250.00 (rows lost or changed?)",
      ]);
      expect(batches.flatMap((b) => b.rejected.map((r) => r.cells))).toContainEqual(totalsRow);
      expect(reader.stats).toMatchObject({ rowsRead: 3, rowsAccepted: 1, rowsRejected: 2, errors: 2 });
    });

    it("checks a 合计 right under the header against every row below it, once the file is read", async () => {
      const good = await read([["合计", "", "", "", "", "1,100.50", "", ""], pay("ZF1", "100.00"), pay("ZF2", "1,000.50")]);
      expect(good.issues).toEqual(["p.csv:2:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped; its 1,100.50 is the sum of the 2 rows it totals"]);
      expect(good.reader.stats).toMatchObject({ rowsRead: 2, rowsAccepted: 2, errors: 0 });
      const bad = await read([["合计", "", "", "", "", "1,000.00", "", ""], pay("ZF1", "100.00"), pay("ZF2", "1,000.50"), pay("ZF3", "1.00")]);
      expect(bad.issues).toEqual(["p.csv:2:6 IMPORT_TOTAL_MISMATCH amount: the 合计 row says 1,000.00, but the 3 rows it totals sum to 1,101.50 (rows lost or changed?)"]);
    });

    it("checks each 小计 against its group and the 合计 against every row", async () => {
      const { issues } = await read([
        pay("ZF1", "100.00"),
        pay("ZF2", "20.00"),
        ["小计", "", "", "", "", "120.00", "", ""],
        pay("ZF3", "5.00"),
        ["小计", "", "", "", "", "6.00", "", ""],
        ["总计", "", "", "", "", "125.00", "", ""],
      ]);
      expect(issues).toEqual([
        "p.csv:4:1 IMPORT_TOTALS_ROW a totals row (小计), not data: skipped; its 120.00 is the sum of the 2 rows it totals",
        "p.csv:6:6 IMPORT_TOTAL_MISMATCH amount: the 小计 row says 6.00, but the 1 row it totals sums to 5.00 (rows lost or changed?)",
        "p.csv:7:1 IMPORT_TOTALS_ROW a totals row (总计), not data: skipped; its 125.00 is the sum of the 3 rows it totals",
      ]);
    });

    it("checks 小计 rows placed above their groups against the rows below each, up to the next 小计 or 合计", async () => {
      const subtotal = (amount: string) => ["小计", "", "", "", "", amount, "", ""];
      const { reader, issues } = await read([
        subtotal("120.00"),
        pay("ZF1", "100.00"),
        pay("ZF2", "20.00"),
        subtotal("6.00"),
        pay("ZF3", "5.00"),
        subtotal("7.00"),
        pay("ZF4", "3.00"),
        pay("ZF5", "4.00"),
        ["合计", "", "", "", "", "132.00", "", ""],
      ]);
      expect(issues).toEqual([
        "p.csv:2:1 IMPORT_TOTALS_ROW a totals row (小计), not data: skipped; its 120.00 is the sum of the 2 rows it totals",
        "p.csv:5:6 IMPORT_TOTAL_MISMATCH amount: the 小计 row says 6.00, but the 1 row it totals sums to 5.00 (rows lost or changed?)",
        "p.csv:7:1 IMPORT_TOTALS_ROW a totals row (小计), not data: skipped; its 7.00 is the sum of the 2 rows it totals",
        "p.csv:10:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped; its 132.00 is the sum of the 5 rows it totals",
      ]);
      expect(reader.stats).toMatchObject({ rowsRead: 6, rowsAccepted: 5, rowsRejected: 1, errors: 1 });
      // Under a leading 合计, and with the last group closed by the end of the file.
      const led = await read([["合计", "", "", "", "", "10.00", "", ""], subtotal("4.00"), pay("ZF1", "4.00"), subtotal("6.00"), pay("ZF2", "5.00")]);
      expect(led.issues).toEqual([
        "p.csv:3:1 IMPORT_TOTALS_ROW a totals row (小计), not data: skipped; its 4.00 is the sum of the 1 row it totals",
        "p.csv:5:6 IMPORT_TOTAL_MISMATCH amount: the 小计 row says 6.00, but the 1 row it totals sums to 5.00 (rows lost or changed?)",
        "p.csv:2:6 IMPORT_TOTAL_MISMATCH amount: the 合计 row says 10.00, but the 2 rows it totals sum to 9.00 (rows lost or changed?)",
      ]);
    });

    it("skips rows of spaces as blank, and reads a row with empty cells after the last column", async () => {
      const { reader, issues } = await read([pay("ZF1", "100.00"), ["  ", " ", "", "\u3000", "", "", "", ""], [...pay("ZF2", "1.00"), "", " ", ""]]);
      expect(issues).toEqual([]);
      expect(reader.stats).toMatchObject({ rowsRead: 2, rowsAccepted: 2 });
      // A cell with something in it after the last column is still a syntax error.
      expect((await read([[...pay("ZF3", "1.00"), "", "x"]])).issues).toEqual(["p.csv:2:9 IMPORT_CSV_SYNTAX the row has 10 cells but the header has 8"]);
    });

    it("treats a CSV totals row of another width as a syntax error, and pads a spreadsheet's", async () => {
      const short = ["合计", "", "", "", "", "100.00"];
      expect((await read([pay("ZF1", "100.00"), short])).issues).toEqual(["p.csv:3:7 IMPORT_CSV_SYNTAX the row has 6 cells but the header has 8"]);
      const records = sheet([{ records: [HEADER, pay("ZF1", "100.00"), short], lines: [1, 2, 3] }]);
      const batches = await all(readRecordRows({ records, state }, paymentRowSchema, { file: "p.xlsx", ragged: true }));
      expect(batches.flatMap((b) => b.issues.map((i) => i.code))).toEqual(["IMPORT_TOTALS_ROW"]);
    });

    it("skips a totals row without an amount, or in a file without amounts, unchecked", async () => {
      const { issues } = await read([pay("ZF1", "100.00"), ["合计", "", "", "", "", "", "", ""]]);
      expect(issues).toEqual(["p.csv:3:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped"]);
      const unreadable = await read([pay("ZF1", "100.00"), ["合计", "", "", "", "", "约一百", "", ""]]);
      expect(unreadable.issues).toEqual(['p.csv:3:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped (its amount "约一百" cannot be read, so it is not checked)']);
      const agencies = await read([["101001", "青川市人民政府办公室"], ["合计", ""]], agencyRowSchema as never, ["单位编码", "单位名称"]);
      expect(agencies.issues).toEqual(["p.csv:3:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped"]);
      expect(agencies.reader.stats).toMatchObject({ rowsRead: 1, rowsAccepted: 1 });
    });
  });

  describe("amounts in 万元", () => {
    const pay = (id: string, amount: string) => [id, "2026-03-05", "101001", "111", "2010301", amount, "QC", "6222"];
    const read = async (above: string[][], rows: string[][], options: { header?: string[]; mapping?: object } = {}) => {
      const all_ = [...above, options.header ?? HEADER, ...rows];
      const records = sheet([{ records: all_, lines: all_.map((_, i) => i + 1) }]);
      const reader = readRecordRows({ records, state }, paymentRowSchema, { file: "p.csv", ragged: true, ...(options.mapping ? { mapping: options.mapping } : {}) });
      const batches = await all(reader);
      return {
        reader,
        amounts: batches.flatMap((b) => b.rows.map((r) => r.value.amount)),
        issues: batches.flatMap((b) => b.issues.map(formatIssue)),
      };
    };

    it("reads the amounts in 万元 under a 单位：万元 note, exactly to the fen", async () => {
      const { reader, amounts, issues } = await read([["青川市2026年指标表"], ["", "", "单位：万元"]], [pay("ZF1", "12.5"), pay("ZF2", "0.000001")]);
      expect(issues).toEqual([]);
      expect(amounts).toEqual([12_500_000n, 1n]);
      expect(reader.stats.amountUnit).toEqual({ unit: "万元", from: "note", line: 2, column: 3, text: "单位：万元" });
    });

    it("reads the amounts in the unit a cell of the header row states (…, 金额, 单位：万元)", async () => {
      const { reader, amounts, issues } = await read([], [[...pay("ZF1", "3"), ""]], { header: [...HEADER, "单位：万元"] });
      expect(amounts).toEqual([3_000_000n]);
      expect(issues).toEqual(['p.csv:1:9 IMPORT_UNKNOWN_COLUMN column "单位：万元" matches no field of payments; ignored']);
      expect(reader.stats.amountUnit).toEqual({ unit: "万元", from: "note", line: 1, column: 9, text: "单位：万元" });
    });

    it("reads the amounts in the unit of their header, 金额（万元）", async () => {
      const header = HEADER.map((h) => (h === "金额" ? "金额（万元）" : h));
      const { reader, amounts } = await read([], [pay("ZF1", "3")], { header });
      expect(amounts).toEqual([3_000_000n]);
      expect(reader.stats.amountUnit).toMatchObject({ unit: "万元", from: "header", line: 1, column: 6 });
    });

    it("reads the amounts in the mapping's unit when the file states none", async () => {
      const { reader, amounts } = await read([], [pay("ZF1", "3")], { mapping: { units: { amount: "万元" } } });
      expect(amounts).toEqual([3_000_000n]);
      expect(reader.stats.amountUnit).toEqual({ unit: "万元", from: "mapping" });
    });

    it("keeps 元 when nothing states a unit, with no unit in the stats", async () => {
      const { reader, amounts } = await read([["编制单位：青川市财政局"]], [pay("ZF1", "3")]);
      expect(amounts).toEqual([300n]);
      expect(reader.stats.amountUnit).toBeUndefined();
    });

    it("refuses a 万元 amount finer than a fen, saying why", async () => {
      const { issues } = await read([["单位：万元"]], [pay("ZF1", "1.0000001")]);
      expect(issues).toEqual(['p.csv:3:6 IMPORT_INVALID_AMOUNT amount "1.0000001" has more than 6 decimals (the amounts are in 万元: 0.000001 万元 is one fen)']);
    });

    it("checks a 合计 row in 万元 and names 元 in its message", async () => {
      const ok = await read([["单位：万元"]], [pay("ZF1", "1.5"), pay("ZF2", "2"), ["合计", "", "", "", "", "3.5", "", ""]]);
      expect(ok.issues).toEqual(["p.csv:5:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped; its 35,000.00 元 is the sum of the 2 rows it totals"]);
      const off = await read([["单位：万元"]], [pay("ZF1", "1.5"), ["合计", "", "", "", "", "1.6", "", ""]]);
      expect(off.issues).toEqual(["p.csv:4:6 IMPORT_TOTAL_MISMATCH amount: the 合计 row says 16,000.00 元, but the 1 row it totals sums to 15,000.00 元 (rows lost or changed?)"]);
    });

    it("reads amounts and a 合计 written with the file's unit after them (12.5万元)", async () => {
      const { amounts, issues } = await read([["单位：万元"]], [pay("ZF1", "1.5万元"), pay("ZF2", "2"), ["合计", "", "", "", "", "3.5 万元", "", ""]]);
      expect(amounts).toEqual([1_500_000n, 2_000_000n]);
      expect(issues).toEqual(["p.csv:5:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped; its 35,000.00 元 is the sum of the 2 rows it totals"]);
    });

    it("stops at two notes that disagree", async () => {
      const { reader, amounts, issues } = await read([["单位：万元"], ["单位：元"]], [pay("ZF1", "3")]);
      expect(amounts).toEqual([]);
      expect(issues).toEqual(['p.csv:2:1 IMPORT_AMOUNT_UNIT "单位：元" disagrees with "单位：万元" on line 1: which unit are the amounts in?']);
      expect(reader.stats.aborted).toBe(true);
    });

    it("stops at a header whose amount is in a unit that is not one, instead of looking further down for the header", async () => {
      const header = HEADER.map((h) => (h === "金额" ? "金额（美元）" : h));
      const { reader, issues } = await read([], [pay("ZF1", "3")], { header });
      expect(issues).toEqual(['p.csv:1:6 IMPORT_AMOUNT_UNIT column "金额（美元）": "美元" is not a unit of amounts (元, 千元, 万元, 百万元, 亿元)']);
      expect(reader.stats).toMatchObject({ aborted: true, rowsRead: 0 });
    });

    it("stops when the mapping's unit disagrees with the file's note", async () => {
      const { reader, issues } = await read([["单位：万元"]], [pay("ZF1", "3")], { mapping: { units: { amount: "元" } } });
      expect(issues).toEqual(['p.csv:1:1 IMPORT_AMOUNT_UNIT the mapping\'s units.amount is 元 but line 1 says "单位：万元": fix the mapping or the file']);
      expect(reader.stats.aborted).toBe(true);
    });
  });

  it("reads Excel's text formula (=\"0101\") and a code's leading apostrophe as exports write them", async () => {
    const rows = [
      ['="ZF1"', '="2026-03-05"', '="101001"', "111", "2010301", '="100.00"', '="青川""办公"""', '="6222000000000001"'],
      ["ZF2", "2026-03-05", "'101001", "111", "'2010301", "50.00", "QC", "'6222000000000002"],
      ["合计", "", "", "", "", '="150.00"', "", ""],
    ];
    const records = sheet([{ records: [HEADER, ...rows], lines: [1, 2, 3, 4] }]);
    const reader = readRecordRows({ records, state }, paymentRowSchema, { file: "p.csv" });
    const batches = await all(reader);
    expect(batches.flatMap((b) => b.rows.map((r) => [r.value.payment_id, r.value.paid_on, r.value.agency_code, r.value.function_code, r.value.amount, r.value.payee_name, r.value.payee_account]))).toEqual([
      ["ZF1", "2026-03-05", "101001", "2010301", 10000n, '青川"办公"', "6222000000000001"],
      ["ZF2", "2026-03-05", "101001", "2010301", 5000n, "QC", "6222000000000002"],
    ]);
    expect(batches.flatMap((b) => b.issues.map(formatIssue))).toEqual([
      "p.csv:4:1 IMPORT_TOTALS_ROW a totals row (合计), not data: skipped; its 150.00 is the sum of the 2 rows it totals",
    ]);
  });
});
