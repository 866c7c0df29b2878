import { describe, expect, it } from "vitest";
import { quotaLine } from "./_testing/quota-fixtures";
import { quotaFromDocument, quotaRecord } from "./quota-record";

describe("quotaRecord", () => {
  it("stores the amount as a string of fen and indexes the matching fields", () => {
    const r = quotaRecord(quotaLine());
    expect(r.data.amount).toBe("50000000");
    expect(r.index).toMatchObject({ fiscalYear: "2026", agency: "101001", project: "42010026P0001", executable: "1" });
  });
});

describe("quotaFromDocument", () => {
  it("reads the amount back as bigint", () => {
    expect(quotaFromDocument(quotaRecord(quotaLine()).data)).toEqual(quotaLine());
  });
});
