import { describe, expect, it } from "vitest";
import { createQuotaIndex } from "./quota-index";
import { quota } from "./_testing/treasury-fixtures";

const key = { fiscalYear: 2026, agency: "101001", fundType: "111", functionCode: "2010101", economicCode: "30201", projectCode: "P1" };

describe("createQuotaIndex", () => {
  it("finds Q1 by its five dimensions and year, and by id", () => {
    const index = createQuotaIndex([quota(), quota({ id: "Q2", projectCode: "P2" })]);
    expect(index.match(key).map((q) => q.id)).toEqual(["Q1"]);
    expect(index.get("Q2")?.projectCode).toBe("P2");
    expect(index.size).toBe(2);
  });

  it("matches a 30211 payment to a quota held at the 类 302", () => {
    const index = createQuotaIndex([quota({ economicCode: "302" })]);
    expect(index.match({ ...key, economicCode: "30211" }).map((q) => q.id)).toEqual(["Q1"]);
  });

  it("leaves non-executable quotas and other years out of matching", () => {
    const index = createQuotaIndex([quota({ executable: false })]);
    expect(index.match(key)).toEqual([]);
    expect(createQuotaIndex([quota()]).match({ ...key, fiscalYear: 2025 })).toEqual([]);
  });
});
