import { describe, expect, it } from "vitest";
import { cellAmount, createControlTotals, totalsLabel } from "./control-totals";

describe("totalsLabel", () => {
  it("knows 合计, 总计, 小计 and their English names as the first non-empty cell, spaces and a colon aside", () => {
    expect(totalsLabel(["合计", "", "30.00"])).toEqual({ text: "合计", column: 1, scope: "grand" });
    expect(totalsLabel(["", " 合 计：", "30.00"])).toEqual({ text: "合 计：", column: 2, scope: "grand" });
    expect(totalsLabel(["\u3000总计"])?.scope).toBe("grand");
    expect(totalsLabel(["Grand Total"])?.scope).toBe("grand");
    expect(totalsLabel(["小计"])?.scope).toBe("group");
    expect(totalsLabel(["本页合计"])?.scope).toBe("group");
    expect(totalsLabel(["SUBTOTAL"])?.scope).toBe("group");
  });

  it("leaves data rows alone: a payment number first, a label later in the row, or a longer text", () => {
    expect(totalsLabel(["ZF202600000001", "合计"])).toBeUndefined();
    expect(totalsLabel(["S001", "2026-03-01"])).toBeUndefined();
    expect(totalsLabel(["合计金额说明：本表不含退票"])).toBeUndefined();
    expect(totalsLabel(["累计"])).toBeUndefined();
    expect(totalsLabel(["", ""])).toBeUndefined();
  });
});

describe("createControlTotals", () => {
  it("sums every row for a 合计 and the rows since the last totals row for a 小计", () => {
    const totals = createControlTotals();
    totals.add(100n);
    totals.add(250n);
    expect(totals.close("group")).toEqual({ amount: 350n, rows: 2 });
    totals.add(-50n);
    expect(totals.close("group")).toEqual({ amount: -50n, rows: 1 });
    expect(totals.close("grand")).toEqual({ amount: 300n, rows: 3 });
    expect(totals.close("group")).toEqual({ amount: 0n, rows: 0 });
  });

  it("does not know a sum that includes a row without an amount, until the next group", () => {
    const totals = createControlTotals();
    totals.add(100n);
    totals.add(undefined);
    expect(totals.close("group")).toEqual({ amount: undefined, rows: 2 });
    totals.add(7n);
    expect(totals.close("group")).toEqual({ amount: 7n, rows: 1 });
    expect(totals.close("grand").amount).toBeUndefined();
  });

  it("stays exact past 2^53 fen, with rows below and above 2^52", () => {
    const totals = createControlTotals();
    const rows = [2n ** 52n - 1n, 2n ** 52n - 1n, 3n, 2n ** 60n, -(2n ** 55n), 1n];
    for (const amount of rows) totals.add(amount);
    expect(totals.close("grand").amount).toBe(rows.reduce((a, b) => a + b, 0n));
  });
});

describe("cellAmount", () => {
  it("reads amounts as the import does and nothing else", () => {
    expect(cellAmount(" 1,200.50 ")).toBe(120050n);
    expect(cellAmount("(3.00)")).toBe(-300n);
    expect(cellAmount("约三千")).toBeUndefined();
    expect(cellAmount("")).toBeUndefined();
    expect(cellAmount(undefined)).toBeUndefined();
  });
});
