import { describe, expect, it } from "vitest";
import { formatIssue } from "./import-issue";

describe("formatIssue", () => {
  it("formats file:line:column CODE message", () => {
    expect(formatIssue({
      file: "payments.csv", line: 17, column: 5, field: "amount", code: "IMPORT_INVALID_AMOUNT",
      message: 'amount "12.345" has more than two decimals', value: "12.345", severity: "error",
    })).toBe('payments.csv:17:5 IMPORT_INVALID_AMOUNT amount "12.345" has more than two decimals');
  });
});
