import { describe, expect, it } from "vitest";
import { ZERO_BALANCE } from "./account";
import { netBalance } from "./net-balance";

describe("netBalance", () => {
  it("gives 700 on the credit side and -700 on the debit side", () => {
    const b = { ...ZERO_BALANCE, debitsPosted: 300n, creditsPosted: 1000n, debitsPending: 50n };
    expect(netBalance(b, "credit")).toBe(700n);
    expect(netBalance(b, "debit")).toBe(-700n);
  });
});
