import { describe, expect, it } from "vitest";
import { csvRecords, type RecordChunk } from "./csv-records";

async function* texts(...parts: string[]): AsyncGenerator<string> {
  yield* parts;
}

async function collect(...parts: string[]): Promise<{ records: string[][]; lines: number[] }> {
  const out = { records: [] as string[][], lines: [] as number[] };
  for await (const chunk of csvRecords(texts(...parts)) as AsyncIterable<RecordChunk>) {
    out.records.push(...chunk.records);
    out.lines.push(...chunk.lines);
  }
  return out;
}

describe("csvRecords", () => {
  it("gives each record the physical line it starts on, counting a multi-line quoted cell", async () => {
    const { records, lines } = await collect('a,b\n1,"办公\r\n用品"\n', "2,x\n\n3,y\n");
    expect(records).toEqual([["a", "b"], ["1", "办公\r\n用品"], ["2", "x"], [""], ["3", "y"]]);
    expect(lines).toEqual([1, 2, 4, 5, 6]);
  });

  it("parses a record split across text chunks", async () => {
    const { records } = await collect("a,b\n10", "1001,2", "0101\n");
    expect(records).toEqual([["a", "b"], ["101001", "20101"]]);
  });

  it("throws IMPORT_CSV_SYNTAX with the record's line on an unclosed quote", async () => {
    await expect(collect('a,b\n1,2\n3,"oops\n4,5\n')).rejects.toMatchObject({
      code: "IMPORT_CSV_SYNTAX",
      details: { line: 3, column: 2 },
    });
  });

  it("yields the records read before a quote error, then throws IMPORT_CSV_SYNTAX at its cell", async () => {
    const seen: string[][] = [];
    const run = async (): Promise<void> => {
      for await (const chunk of csvRecords(texts("单位编码,摘要\r101001,办公用品\r", '101002,"差旅"费\r'))) seen.push(...chunk.records);
    };
    await expect(run()).rejects.toMatchObject({ code: "IMPORT_CSV_SYNTAX", details: { line: 3, column: 2 } });
    expect(seen).toEqual([["单位编码", "摘要"], ["101001", "办公用品"]]);
  });
});
