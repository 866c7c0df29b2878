import type { ImportBatch } from "@jincai/core";
import { describe, expect, it } from "vitest";
import { decodeRowBatch, encodeRowBatch } from "./row-batch-codec";

interface Row {
  payment_id: string;
  amount: bigint;
  refund_date?: string;
  fiscal_year?: number;
  summary?: string;
}

const batch = (rows: Row[]): ImportBatch<Row> => ({
  rows: rows.map((value, i) => ({ line: i + 2, value })),
  rejected: [{ line: 99, cells: ["ZF9", "12.345"], issues: [] }],
  issues: [{ file: "p.csv", line: 99, column: 2, code: "IMPORT_INVALID_AMOUNT", message: "amount", severity: "error" }],
  rowsRead: rows.length + 1,
  bytesRead: 4096,
});
const FIELDS = ["payment_id", "amount", "refund_date", "fiscal_year", "summary"];

describe("encodeRowBatch / decodeRowBatch", () => {
  it("gives back the rows, lines, rejected rows, issues and counters, an empty optional cell still absent", () => {
    const rows: Row[] = [
      { payment_id: "ZF1", amount: 1_139_763n, refund_date: "2026-03-05", fiscal_year: 2026, summary: "日常支付" },
      { payment_id: "ZF2", amount: -(2n ** 63n), fiscal_year: 2026 },
      { payment_id: "ZF3", amount: 2n ** 63n - 1n, summary: "" },
    ];
    const { encoded, transfer } = encodeRowBatch(batch(rows) as ImportBatch<unknown>, FIELDS);
    expect(encoded.columns["payment_id"]!.kind).toBe("text");
    expect(encoded.columns["amount"]!.kind).toBe("bigint");
    expect(encoded.columns["fiscal_year"]!.kind).toBe("plain");
    expect(transfer).toHaveLength(2); // the lines and the amounts
    const decoded = decodeRowBatch<Row>(structuredClone(encoded));
    expect(decoded).toEqual(batch(rows));
    expect("refund_date" in decoded.rows[1]!.value).toBe(false);
  });

  it("sends a text column holding a separator, and amounts beyond 64 bits, as they are", () => {
    const rows: Row[] = [
      { payment_id: "ZF1", amount: 2n ** 64n, summary: "a\u0000b" },
      { payment_id: "ZF2", amount: 5n, summary: "\u0001" },
    ];
    const { encoded } = encodeRowBatch(batch(rows) as ImportBatch<unknown>, FIELDS);
    expect(encoded.columns["summary"]!.kind).toBe("plain");
    expect(encoded.columns["amount"]!.kind).toBe("plain");
    expect(decodeRowBatch<Row>(structuredClone(encoded))).toEqual(batch(rows));
  });

  it("handles a batch without accepted rows, and amounts with an empty cell", () => {
    const empty = encodeRowBatch(batch([]) as ImportBatch<unknown>, FIELDS).encoded;
    expect(decodeRowBatch<Row>(empty)).toEqual(batch([]));
    const gappy = [{ payment_id: "ZF1", amount: 7n }, { payment_id: "ZF2" } as Row];
    const { encoded } = encodeRowBatch(batch(gappy) as ImportBatch<unknown>, FIELDS);
    expect(encoded.columns["amount"]).toMatchObject({ kind: "bigint", absent: expect.any(Uint8Array) });
    expect(decodeRowBatch<Row>(encoded).rows.map((r) => r.value)).toEqual(gappy);
  });

  it("does not send a column that no row of the batch has (an optional column the file lacks)", () => {
    const rows: Row[] = [{ payment_id: "ZF1", amount: 1n }, { payment_id: "ZF2", amount: 2n }];
    const { encoded } = encodeRowBatch(batch(rows) as ImportBatch<unknown>, FIELDS);
    expect(Object.keys(encoded.columns)).toEqual(["payment_id", "amount"]);
    expect(decodeRowBatch<Row>(structuredClone(encoded))).toEqual(batch(rows));
  });
});
