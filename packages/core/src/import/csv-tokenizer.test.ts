import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvTokenizer } from "./csv-tokenizer";
import { excelText } from "./excel-text";

/** Tokenizes `parts` written one by one, then ended; returns every record, line and the failure. */
function tokenize(...parts: string[]) {
  const tokenizer = new CsvTokenizer();
  const records: string[][] = [];
  const lines: number[] = [];
  const drain = (): void => {
    const chunk = tokenizer.take();
    records.push(...chunk.records);
    lines.push(...chunk.lines);
  };
  for (const part of parts) {
    tokenizer.write(part);
    drain();
  }
  tokenizer.end();
  drain();
  return { records, lines, failure: tokenizer.failure };
}

/** Every way to cut `text` in two. */
function cuts(text: string): [string, string][] {
  return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
}

const CSV = '支付单号,金额,收款人\r\nZF001,"1,234.56","青川""办公""用品公司"\r\nZF002,"80.00","第一行\r\n第二行"\r\n\r\nZF003,12.30,\n';
const RECORDS = [
  ["支付单号", "金额", "收款人"],
  ["ZF001", "1,234.56", '青川"办公"用品公司'],
  ["ZF002", "80.00", "第一行\r\n第二行"],
  [""],
  ["ZF003", "12.30", ""],
];

describe("CsvTokenizer", () => {
  it("splits a line on commas and keeps spaces around 办公用品 untrimmed", () => {
    expect(tokenize("ZF001, 101001 ,1234.56, 办公用品 \n").records).toEqual([["ZF001", " 101001 ", "1234.56", " 办公用品 "]]);
  });

  it("ends records at LF, CRLF and a lone CR, each counting as one line", () => {
    const { records, lines } = tokenize("ZF001,11.00\nZF002,22.00\r\nZF003,33.00\rZF004,44.00");
    expect(records).toEqual([["ZF001", "11.00"], ["ZF002", "22.00"], ["ZF003", "33.00"], ["ZF004", "44.00"]]);
    expect(lines).toEqual([1, 2, 3, 4]);
  });

  it("reads a quoted amount with a comma and doubled quotes in a payee name", () => {
    expect(tokenize('ZF001,"1,234.56","青川""办公""用品公司"\n').records).toEqual([["ZF001", "1,234.56", '青川"办公"用品公司']]);
  });

  it("keeps line breaks inside a quoted 摘要 and numbers the next record by its physical line", () => {
    const { records, lines } = tokenize('ZF001,"第一行\n第二行\r\n第三行\r第四行"\nZF002,x\n');
    expect(records).toEqual([["ZF001", "第一行\n第二行\r\n第三行\r第四行"], ["ZF002", "x"]]);
    expect(lines).toEqual([1, 5]);
  });

  it("allows ragged records (relaxed column count)", () => {
    expect(tokenize("ZF001,101001,111\nZF002\nZF003,101001,111,2010101\n").records).toEqual([
      ["ZF001", "101001", "111"],
      ["ZF002"],
      ["ZF003", "101001", "111", "2010101"],
    ]);
  });

  it("delivers blank lines as one empty cell so they are counted", () => {
    const { records, lines } = tokenize("单位编码\n\r\n\n101001\n");
    expect(records).toEqual([["单位编码"], [""], [""], ["101001"]]);
    expect(lines).toEqual([1, 2, 3, 4]);
  });

  it("reads the last record without a line break, and keeps an empty last cell", () => {
    expect(tokenize("ZF001,12.30,").records).toEqual([["ZF001", "12.30", ""]]);
    expect(tokenize('ZF001,"办公用品"').records).toEqual([["ZF001", "办公用品"]]);
    expect(tokenize("").records).toEqual([]);
  });

  it("gives the same records and lines however the text is cut in two (between \\r and \\n, inside and right after quotes)", () => {
    for (const [head, tail] of cuts(CSV)) {
      const { records, lines, failure } = tokenize(head, tail);
      expect(failure).toBeUndefined();
      expect(records).toEqual(RECORDS);
      expect(lines).toEqual([1, 2, 3, 5, 6]);
    }
  });

  it("reads a quoted cell spread over many chunks without a quote in between", () => {
    const { records, lines } = tokenize('ZF001,"青川', "办公\n", "用品\n", "公司", '"\nZF002,x\n');
    expect(records).toEqual([["ZF001", "青川办公\n用品\n公司"], ["ZF002", "x"]]);
    expect(lines).toEqual([1, 4]);
  });

  it("hands out each record as soon as its chunk is written, also after one that waited for a quote", () => {
    const tokenizer = new CsvTokenizer();
    tokenizer.write('ZF001,"办公');
    expect(tokenizer.size).toBe(0);
    tokenizer.write('用品"\n');
    expect(tokenizer.take().records).toEqual([["ZF001", "办公用品"]]);
    tokenizer.write("ZF002,差旅费\n");
    expect(tokenizer.take()).toEqual({ records: [["ZF002", "差旅费"]], lines: [2] });
  });

  it("fails with IMPORT_CSV_SYNTAX at the record's line and cell when a quote is never closed", () => {
    const { records, failure } = tokenize('支付单号,摘要\nZF001,x\nZF002,"办公用品\nZF003,y\n');
    expect(records).toEqual([["支付单号", "摘要"], ["ZF001", "x"]]);
    expect(failure).toMatchObject({ code: "IMPORT_CSV_SYNTAX", details: { line: 3, column: 2, csvCode: "CSV_QUOTE_NOT_CLOSED" } });
  });

  it("fails with IMPORT_CSV_SYNTAX when a quote appears inside an unquoted cell", () => {
    const { records, failure } = tokenize('ZF001,x\nZF002,101001,青川"办公"\nZF003,y\n');
    expect(records).toEqual([["ZF001", "x"]]);
    expect(failure).toMatchObject({ code: "IMPORT_CSV_SYNTAX", details: { line: 2, column: 3, csvCode: "INVALID_OPENING_QUOTE" } });
  });

  it("keeps Excel's text formula =\"0101\" in an unquoted cell as one cell, however the text is cut", () => {
    const text = 'ZF001,="6222000000000001",="a""b, c",="第一行\n第二行"\nZF002,="0101"\n';
    for (const [head, tail] of cuts(text)) {
      const { records, lines, failure } = tokenize(head, tail);
      expect(failure).toBeUndefined();
      expect(records).toEqual([["ZF001", '="6222000000000001"', '="a""b, c"', '="第一行\n第二行"'], ["ZF002", '="0101"']]);
      expect(lines).toEqual([1, 3]);
    }
  });

  it("fails with IMPORT_CSV_SYNTAX at a text formula that is never closed, or followed by text", () => {
    expect(tokenize('ZF001,="6222\nZF002,x\n').failure).toMatchObject({ details: { line: 1, column: 2, csvCode: "CSV_QUOTE_NOT_CLOSED" } });
    expect(tokenize('ZF001,="6222"x\n').failure).toMatchObject({ details: { line: 1, column: 2, csvCode: "CSV_INVALID_CLOSING_QUOTE" } });
  });

  it("fails with IMPORT_CSV_SYNTAX when text follows a closing quote, counting lines of earlier quoted cells", () => {
    const { failure } = tokenize('ZF001,"第一行\n第二行"\nZF002,101001,"办公"用品\n');
    expect(failure).toMatchObject({ code: "IMPORT_CSV_SYNTAX", details: { line: 3, column: 3, csvCode: "CSV_INVALID_CLOSING_QUOTE" } });
  });

  it("ignores text written after a failure", () => {
    const tokenizer = new CsvTokenizer();
    tokenizer.write('ZF001,"办公"x\n');
    tokenizer.write("ZF002,y\n");
    tokenizer.end();
    expect(tokenizer.take().records).toEqual([]);
    expect(tokenizer.failure?.code).toBe("IMPORT_CSV_SYNTAX");
  });

  it("returns the original cells and start lines of any table, serialized and cut into random chunks", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "1", ".", " ", ",", '"', "\r", "\n", "办", "公", "¥", "𠀋"),
      maxLength: 8,
    });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        table,
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, eol, quoteAll, trailingEol, cutAt) => {
          const text = serialize(rows, eol, quoteAll, trailingEol);
          const bounds = [...new Set(cutAt.map((n) => n % (text.length + 1)))].sort((a, b) => a - b);
          const parts = [0, ...bounds].map((from, i) => text.slice(from, bounds[i] ?? text.length));
          const { records, lines, failure } = tokenize(...parts);
          expect(failure).toBeUndefined();
          expect(records).toEqual(rows);
          expect(lines).toEqual(startLines(rows));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("returns any table whose cells an export wrote as Excel text (=\"…\", unquoted), cut into random chunks, as the cells inside", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "0", "1", ".", " ", ",", '"', "\n", "办", "𠀋"), maxLength: 8 });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 8 }), (rows, cutAt) => {
        const text = rows.map((row) => row.map((c) => `="${c.replaceAll('"', '""')}"`).join(",")).join("\r\n") + "\r\n";
        const bounds = [...new Set(cutAt.map((n) => n % (text.length + 1)))].sort((a, b) => a - b);
        const parts = [0, ...bounds].map((from, i) => text.slice(from, bounds[i] ?? text.length));
        const { records, lines, failure } = tokenize(...parts);
        expect(failure).toBeUndefined();
        expect(records.map((r) => r.map(excelText))).toEqual(rows);
        expect(lines).toEqual(startLines(rows));
      }),
      { numRuns: 300 },
    );
  });
});

function serialize(rows: string[][], eol: string, quoteAll: boolean, trailingEol: boolean): string {
  const quote = (cell: string): string =>
    quoteAll || /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  const body = rows.map((row) => row.map(quote).join(",")).join(eol);
  // A last record of one empty unquoted cell only exists through its line break.
  const last = rows[rows.length - 1];
  const needsEol = !quoteAll && last !== undefined && last.length === 1 && last[0] === "";
  return trailingEol || needsEol ? body + eol : body;
}

function startLines(rows: string[][]): number[] {
  let line = 1;
  return rows.map((row) => {
    const start = line;
    line += 1 + row.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return start;
  });
}
