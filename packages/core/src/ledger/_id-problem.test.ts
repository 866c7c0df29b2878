import { describe, expect, it } from "vitest";
import { hasSpacesOrControls, isBlankId } from "./_id-problem";

describe("isBlankId", () => {
  it("treats empty, ASCII, tab and full-width spaces as blank, and a Chinese id as an id", () => {
    expect(["", "   ", "\t", "\u3000"].map(isBlankId)).toEqual([true, true, true, true]);
    expect(["pay:ZF001", "付款-1", " x"].map(isBlankId)).toEqual([false, false, false]);
  });
});

describe("hasSpacesOrControls", () => {
  it("finds spaces around an id: ASCII, tab, newline, full-width, no-break and a byte-order mark", () => {
    const ids = [" quota:1", "quota:1 ", "pay:ZF1\t", "pay:ZF1\r\n", "\u3000quota:1", "quota:1\u00a0", "\ufeffquota:1"];
    expect(ids.map(hasSpacesOrControls)).toEqual(ids.map(() => true));
  });

  it("finds a control character anywhere, C0, DEL or C1", () => {
    const ids = ["pay:Z\u0000F1", "pay:Z\u001fF1", "pay:Z\u007fF1", "pay:Z\u0085F1"];
    expect(ids.map(hasSpacesOrControls)).toEqual(ids.map(() => true));
  });

  it("accepts plain ids, Chinese ids and spaces inside an id", () => {
    const ids = ["pay:ZF001", "付款-1", "quota:101001 2010101", "指标:一般公共预算"];
    expect(ids.map(hasSpacesOrControls)).toEqual(ids.map(() => false));
  });
});
