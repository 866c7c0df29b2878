/**
 * Aggregation of account balances by dimension, book and code, with prefix roll-up of
 * hierarchical codes (支出功能分类 类/款/项 = 3/5/7 digits, 经济分类 类/款 = 3/5).
 */
import type { Balance } from "./account";
import type { AccountBalance } from "../store/store";

/**
 * Options for {@link groupBalances}.
 *
 * @example
 * ```ts
 * const options: GroupBalancesOptions = { groupBy: ["agency", "functionCode"], rollup: { functionCode: 3 } };
 * groupBalances(await store.accountBalances({ book: "quota" }), options);
 * ```
 */
export interface GroupBalancesOptions {
  /** Keys to group by, in order: dimension keys, `book` and `code`. */
  readonly groupBy: readonly string[];
  /** Per key, the prefix length to keep (e.g. `{ functionCode: 3 }` rolls up to 类). */
  readonly rollup?: Readonly<Record<string, number>>;
}

/**
 * One group of balances.
 *
 * @example
 * ```ts
 * const [group]: GroupedBalance[] = groupBalances(rows, { groupBy: ["agency"] });
 * // { key: { agency: "101001" }, balance: { debitsPosted: …, creditsPosted: …, … }, accountCount: 4 }
 * ```
 */
export interface GroupedBalance {
  /** The group's value for each `groupBy` key (`""` when an account lacks the dimension). */
  readonly key: Readonly<Record<string, string>>;
  /** The sum of the group's balances. */
  readonly balance: Balance;
  /** How many accounts the group sums. */
  readonly accountCount: number;
}

/**
 * Sums balances by the given keys and returns the groups sorted by key (in `groupBy` order).
 *
 * @example
 * ```ts
 * groupBalances(rows, { groupBy: ["agency", "functionCode"], rollup: { functionCode: 3 } });
 * // [{ key: { agency: "101001", functionCode: "201" }, balance: {...}, accountCount: 4 }, ...]
 * ```
 */
export function groupBalances(rows: readonly AccountBalance[], options: GroupBalancesOptions): GroupedBalance[] {
  const { groupBy, rollup = {} } = options;
  const groups = new Map<string, { values: string[]; sum: Mutable; count: number }>();
  for (const { account, balance } of rows) {
    const values = groupBy.map((k) => {
      const raw = k === "book" ? account.book : k === "code" ? account.code : (account.dimensions[k] ?? "");
      const len = rollup[k];
      return len === undefined ? raw : raw.slice(0, len);
    });
    const id = values.join("\u0000");
    let g = groups.get(id);
    if (g === undefined) {
      g = { values, sum: { debitsPosted: 0n, creditsPosted: 0n, debitsPending: 0n, creditsPending: 0n }, count: 0 };
      groups.set(id, g);
    }
    g.sum.debitsPosted += balance.debitsPosted;
    g.sum.creditsPosted += balance.creditsPosted;
    g.sum.debitsPending += balance.debitsPending;
    g.sum.creditsPending += balance.creditsPending;
    g.count++;
  }
  return [...groups.values()].sort((a, b) => compareValues(a.values, b.values)).map((g) => ({
    key: Object.fromEntries(groupBy.map((k, i) => [k, g.values[i]!])),
    balance: g.sum,
    accountCount: g.count,
  }));
}

type Mutable = { -readonly [K in keyof Balance]: Balance[K] };

function compareValues(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
