import { describe, expect, it } from "vitest";
import { compareRecordValueCounts } from "./compare-record-value-counts";
import type { RecordValueCount } from "./store";

const count = (value: string | undefined, n = 1): RecordValueCount => ({ value, count: n });

describe("compareRecordValueCounts", () => {
  it("orders quota ids in code-unit order (Q10 before Q9, uppercase before lowercase, 指标 after ASCII), undefined last", () => {
    const counts = [count(undefined, 4), count("指标-2026"), count("q1"), count("Q9"), count("Q10", 3), count("")];
    expect(counts.sort(compareRecordValueCounts).map((c) => c.value)).toEqual(["", "Q10", "Q9", "q1", "指标-2026", undefined]);
  });

  it("orders a character beyond the BMP (𠀀, a surrogate pair) before U+FF01 as JavaScript does, unlike UTF-8 byte order", () => {
    const counts = [count("\uff01"), count("\u{20000}")];
    expect(counts.sort(compareRecordValueCounts).map((c) => c.value)).toEqual(["\u{20000}", "\uff01"]);
  });

  it("returns 0 for two counts of the same value, and for two undefined values", () => {
    expect(compareRecordValueCounts(count("Q1", 2), count("Q1", 5))).toBe(0);
    expect(compareRecordValueCounts(count(undefined), count(undefined))).toBe(0);
  });
});
