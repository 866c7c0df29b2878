import { describe, expect, it } from "vitest";
import { parseConfig } from "./config";

const good = { store: { sqlite: "jincai.db" }, fiscalYear: 2026, division: "990100" };

describe("parseConfig", () => {
  it("reads a valid file", () => {
    expect(parseConfig(JSON.stringify(good), "jincai.config.json")).toMatchObject({ fiscalYear: 2026, division: "990100" });
  });

  it("names every bad key at once: a year written as text, an unknown policy and a misspelt key", () => {
    const config = { ...good, fiscalYear: "2026", controls: [{ id: "C1", limit: "100.00", policy: "strict" }], fiscalYaer: 1 };
    try {
      parseConfig(JSON.stringify(config), "jincai.config.json");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "CLI_CONFIG_INVALID", details: { key: expect.any(String) } });
      const message = (error as Error).message;
      for (const key of ["fiscalYear: ", "controls.0.policy: ", "fiscalYaer: "]) expect(message).toContain(key);
      expect(message.split("; ").length).toBeGreaterThanOrEqual(3);
    }
  });

  it("names a limit of zero and thresholds not written as a list, at their keys", () => {
    const config = { ...good, controls: [{ id: "C1", match: { agency: "101001" }, limit: "0.00", thresholds: { warning: "0.5" } }] };
    expect(() => parseConfig(JSON.stringify(config), "jincai.config.json")).toThrow(
      'controls.0.limit: a limit above zero (a control of 0.00 would refuse every payment it matches); controls.0.thresholds: a list such as [{ "percent": 90, "severity": "warning" }] (severity info, warning or critical)',
    );
  });

  it("reads a control's retirement date and names one that is not a date or not in the fiscal year", () => {
    const control = { id: "C1", match: { agency: "101001" }, limit: "100.00" };
    const config = (retired: string) => JSON.stringify({ ...good, controls: [{ ...control, retired }] });
    expect(parseConfig(config("2026-07-01"), "jincai.config.json").controls[0]).toMatchObject({ retired: "2026-07-01" });
    expect(() => parseConfig(config("2026-7-1"), "jincai.config.json")).toThrow("jincai.config.json: controls.0.retired: a date such as 2026-07-01 (YYYY-MM-DD)");
    expect(() => parseConfig(config("2026-02-30"), "jincai.config.json")).toThrow("controls.0.retired: a date such as 2026-07-01");
    expect(() => parseConfig(config("2027-01-01"), "jincai.config.json")).toThrow("jincai.config.json: controls.0.retired: a date in fiscal year 2026");
  });

  it("gives the line and column of a JSON syntax error", () => {
    const text = '{\n  "store": { "sqlite": "jincai.db" },\n  "fiscalYear": 2026,,\n}';
    expect(() => parseConfig(text, "jincai.config.json")).toThrow(/^jincai\.config\.json: not valid JSON at line 3, column 22 \(/);
    try {
      parseConfig(text, "x.json");
    } catch (error) {
      expect(error).toMatchObject({ details: { path: "x.json", line: 3, column: 22 } });
    }
  });

  it("reads a file saved with a UTF-8 byte order mark, as Windows Notepad saves it", () => {
    expect(parseConfig(`\ufeff${JSON.stringify(good, null, 2)}`, "jincai.config.json")).toMatchObject({ fiscalYear: 2026 });
  });

  it("says an empty file is empty, and gives where a file cut short ends", () => {
    expect(() => parseConfig(" \r\n", "jincai.config.json")).toThrow("jincai.config.json: the file is empty (run jincai init, or write the settings into it)");
    const cut = '{\n  "store": { "sqlite": "jincai.db" },\n  "fiscalYear": \n';
    expect(() => parseConfig(cut, "jincai.config.json")).toThrow(/^jincai\.config\.json: not valid JSON at line 3, column 16 \(Unexpected end/);
  });
});
