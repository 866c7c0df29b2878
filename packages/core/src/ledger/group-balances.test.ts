import { describe, expect, it } from "vitest";
import { ZERO_BALANCE, type Account } from "./account";
import { groupBalances } from "./group-balances";
import { accountFromInput } from "./plan-accounts";

describe("groupBalances", () => {
  const acc = (id: string, functionCode: string | undefined): Account => accountFromInput({ id, book: "quota", code: "2001",
    normalSide: "credit", dimensions: functionCode === undefined ? {} : { functionCode } });
  it("rolls 2010101 and 2010102 up to 201 款 prefix and puts a missing code under an empty key first", () => {
    const rows = [
      { account: acc("a", "2010101"), balance: { ...ZERO_BALANCE, creditsPosted: 100n } },
      { account: acc("b", "2050101"), balance: { ...ZERO_BALANCE, creditsPosted: 5n } },
      { account: acc("c", "2010102"), balance: { ...ZERO_BALANCE, creditsPosted: 20n, debitsPending: 3n } },
      { account: acc("d", undefined), balance: ZERO_BALANCE },
    ];
    const groups = groupBalances(rows, { groupBy: ["book", "functionCode"], rollup: { functionCode: 3 } });
    expect(groups.map((g) => [g.key.functionCode, g.balance.creditsPosted, g.balance.debitsPending, g.accountCount])).toEqual([
      ["", 0n, 0n, 1], ["201", 120n, 3n, 2], ["205", 5n, 0n, 1],
    ]);
    expect(groups[1]?.key).toEqual({ book: "quota", functionCode: "201" });
  });
});
