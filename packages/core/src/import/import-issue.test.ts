import { describe, expect, it } from "vitest";
import { formatIssue } from "./import-issue";

describe("formatIssue", () => {
  it("formats file:line:column CODE message", () => {
    expect(formatIssue({
      file: "payments.csv", line: 17, column: 5, field: "amount", code: "IMPORT_INVALID_AMOUNT",
      message: 'amount "12.345" has more than two decimals', value: "12.345", severity: "error",
    })).toBe('payments.csv:17:5 IMPORT_INVALID_AMOUNT amount "12.345" has more than two decimals');
  });

  it("shows the invisible characters of a quoted value as escapes, so ZB1 and ZB1 with a zero-width space differ", () => {
    expect(formatIssue({
      file: "payments.csv", line: 3, column: 3, field: "quotaId", code: "IMPORT_INVALID_VALUE",
      message: 'quotaId "ZB1\u200b" is not a quota (did you mean "ZB1"?) \u202eRTL', value: "ZB1\u200b", severity: "error",
    })).toBe('payments.csv:3:3 IMPORT_INVALID_VALUE quotaId "ZB1\\u200b" is not a quota (did you mean "ZB1"?) \\u202eRTL');
  });

  it("keeps an issue on one line when a value quoted in it holds a line break", () => {
    expect(formatIssue({
      file: "payments.csv", line: 2, column: 9, field: "payee_name", code: "IMPORT_INVALID_VALUE",
      message: "payment P2 was recorded with payee 青川办公\n用品有限公司; this row says 青川办公用品\r有限公司", severity: "error",
    })).toBe("payments.csv:2:9 IMPORT_INVALID_VALUE payment P2 was recorded with payee 青川办公\\n用品有限公司; this row says 青川办公用品\\u000d有限公司");
  });
});
