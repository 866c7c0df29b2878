import { describe, expect, it } from "vitest";
import { storableIds } from "./storable-ids";

describe("storableIds", () => {
  it("leaves out ids with U+0000, which PostgreSQL text cannot hold, and repeats", () => {
    expect(storableIds(["quota:1", "quota:\u00001", "quota:1", "pay:ZF1\t"])).toEqual(["quota:1", "pay:ZF1\t"]);
  });
});
