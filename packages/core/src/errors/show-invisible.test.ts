import { describe, expect, it } from "vitest";
import { showInvisible } from "./show-invisible";

describe("showInvisible", () => {
  it("shows the zero-width space that makes a pasted quota id differ from the one loaded", () => {
    expect(showInvisible("no quota ZB1\u200b")).toBe("no quota ZB1\\u200b");
  });

  it("shows no-break spaces, bidirectional marks and isolates, the byte order mark and tag characters", () => {
    expect(showInvisible("101001\u00a0")).toBe("101001\\u00a0");
    expect(showInvisible("\u202eZB1\u202c \u200f\u2066x\u2069")).toBe("\\u202eZB1\\u202c \\u200f\\u2066x\\u2069");
    expect(showInvisible("\ufeffZB1\u2060")).toBe("\\ufeffZB1\\u2060");
    expect(showInvisible("ZB1\u{e0041}")).toBe("ZB1\\u{e0041}");
  });

  it("shows control characters but keeps a line feed, so a message may still span lines", () => {
    expect(showInvisible("ZB1\t\r\u0000\u007f\u0085")).toBe("ZB1\\u0009\\u000d\\u0000\\u007f\\u0085");
    expect(showInvisible("first\nsecond")).toBe("first\nsecond");
  });

  it("leaves text without them alone: Chinese names, full-width punctuation and the ideographic space", () => {
    for (const text of ["市政府办公室本级", "青财预〔2026〕1号", "编制单位：青川市财政局\u3000金额单位：元", "control C302: 1,200.00 of 1,000.00"]) {
      expect(showInvisible(text)).toBe(text);
    }
  });

  it("gives the same answer called twice on the same text (the pattern keeps no state between calls)", () => {
    expect(showInvisible("a\u200b")).toBe("a\\u200b");
    expect(showInvisible("a\u200b")).toBe("a\\u200b");
    expect(showInvisible("plain")).toBe("plain");
  });
});
