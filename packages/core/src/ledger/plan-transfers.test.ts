import { describe, expect, it } from "vitest";
import { ZERO_BALANCE, type Account, type Balance } from "./account";
import type { LedgerSnapshot } from "./ledger-snapshot";
import type { PeriodLock } from "./period-lock";
import { planTransfers } from "./plan-transfers";
import type { Transfer, TransferInput } from "./transfer";

const account = (id: string, book = "quota", extra: Partial<Account> = {}): Account => ({
  id, book, code: "2001", dimensions: {}, normalSide: "credit", flags: {}, closed: false, ...extra,
});

function snapshot(parts: { balances?: Record<string, Balance>; transfers?: Transfer[]; locks?: PeriodLock[] } = {}): LedgerSnapshot {
  const accounts = new Map([
    ["quota", account("quota", "quota", { flags: { debitsMustNotExceedCredits: true } })],
    ["paid", account("paid")],
    ["closed", account("closed", "quota", { closed: true })],
    ["plan", account("plan", "plan")],
  ]);
  const transfers = new Map((parts.transfers ?? []).map((t) => [t.id, t]));
  return {
    account: (id) => accounts.get(id),
    balance: (id) => parts.balances?.[id] ?? ZERO_BALANCE,
    transfer: (id) => transfers.get(id),
    resolution: (pendingId) => [...transfers.values()].find((t) => t.pendingId === pendingId && t.phase !== "pending"),
    locks: parts.locks ?? [],
  };
}

const funded = { quota: { ...ZERO_BALANCE, creditsPosted: 100_000n } };
const pay = (id: string, amount: bigint, extra: Partial<TransferInput> = {}): TransferInput => ({
  id, debitAccountId: "quota", creditAccountId: "paid", amount, date: "2026-03-10", ...extra,
});
const statuses = (batch: TransferInput[], snap = snapshot({ balances: funded })) =>
  planTransfers(batch, snap, { partial: true }).results.map((r) => r.status);

describe("planTransfers", () => {
  it("plans a 500.00 yuan payment as one draft without sequence and two deltas", () => {
    const plan = planTransfers([pay("pay-1", 50_000n, { references: { voucher: "记-0001" } })], snapshot({ balances: funded }));
    expect(plan.applied).toBe(true);
    expect(plan.results).toEqual([{ index: 0, id: "pay-1", status: "ok" }]);
    expect(plan.transfers).toEqual([{ id: "pay-1", phase: "posted", debitAccountId: "quota", creditAccountId: "paid",
      amount: 50_000n, date: "2026-03-10", references: { voucher: "记-0001" } }]);
    expect(plan.balanceDeltas.get("quota")).toEqual({ ...ZERO_BALANCE, debitsPosted: 50_000n });
    expect(plan.balanceDeltas.get("paid")).toEqual({ ...ZERO_BALANCE, creditsPosted: 50_000n });
    expect(plan.accountIds).toEqual(["paid", "quota"]);
  });

  it("returns no writes and batch_failed for the others when one item of an atomic batch fails", () => {
    const plan = planTransfers([pay("pay-1", 100n), pay("pay-2", -5n), pay("pay-3", 100n)], snapshot({ balances: funded }));
    expect(plan.applied).toBe(false);
    expect(plan.results.map((r) => r.status)).toEqual(["batch_failed", "amount_must_be_positive", "batch_failed"]);
    expect(plan.transfers).toEqual([]);
    expect(plan.balanceDeltas.size).toBe(0);
    expect(plan.accountIds).toEqual([]);
  });

  it("skips failing items in partial mode and leaves their effects out", () => {
    const plan = planTransfers([pay("pay-1", 60_000n), pay("pay-2", 60_000n), pay("pay-3", 40_000n)],
      snapshot({ balances: funded }), { partial: true });
    expect(plan.results.map((r) => r.status)).toEqual(["ok", "exceeds_limit", "ok"]);
    expect(plan.results[1]).toMatchObject({ accountId: "quota", shortfall: 20_000n });
    expect(plan.transfers.map((t) => t.id)).toEqual(["pay-1", "pay-3"]);
    expect(plan.balanceDeltas.get("quota")?.debitsPosted).toBe(100_000n);
  });

  it("treats a transfer id of only spaces (ASCII, tab or full-width) as empty, and a Chinese id as an id", () => {
    expect(statuses([pay("   ", 100n), pay("\t", 100n), pay("\u3000\u3000", 100n)]))
      .toEqual(["id_must_not_be_empty", "id_must_not_be_empty", "id_must_not_be_empty"]);
    expect(statuses([pay("付款-1", 100n), pay("pay-2", 100n)])).toEqual(["ok", "ok"]);
  });

  it("refuses a new transfer id with spaces around it or a control character, and a pendingId that is so and not found", () => {
    expect(statuses([pay(" pay:ZF1", 100n), pay("pay:ZF1\t", 100n), pay("pay:Z\u0000F1", 100n), pay("pay:ZF1", 100n)]))
      .toEqual(["id_has_spaces_or_controls", "id_has_spaces_or_controls", "id_has_spaces_or_controls", "ok"]);
    const stored: Transfer = { id: "res-1", phase: "pending", debitAccountId: "quota", creditAccountId: "paid", amount: 100n,
      date: "2026-03-01", references: {}, sequence: 1 };
    const snap = snapshot({ balances: funded, transfers: [stored] });
    expect(statuses([{ id: "post-1", phase: "post", pendingId: "res-1 ", date: "2026-03-10" }], snap)).toEqual(["pending_id_has_spaces_or_controls"]);
    expect(statuses([{ id: "post-1", phase: "post", pendingId: "res-2", date: "2026-03-10" }], snap)).toEqual(["pending_not_found"]);
  });

  it("refuses an id or a reference no store keeps as given: U+0000, or half of a surrogate pair", () => {
    expect(statuses([pay("pay:ZF1\ud800", 100n), pay("pay:ZF2", 100n, { references: { memo: "a\u0000b" } }),
      pay("pay:ZF3", 100n, { references: { voucher: "\udc00ZF3" } }), pay("pay:ZF4", 100n, { references: { voucher: "ZF4", memo: "武汉😀" } })]))
      .toEqual(["id_has_spaces_or_controls", "references_not_storable", "references_not_storable", "ok"]);
  });

  it("refuses an id, a pendingId or an account with half a surrogate pair before looking it up, though the U+FFFD one is stored", () => {
    const stored: Transfer = { id: "res-\ufffd", phase: "pending", debitAccountId: "quota", creditAccountId: "paid", amount: 100n,
      date: "2026-03-01", references: {}, sequence: 1 };
    const snap = snapshot({ balances: funded, transfers: [stored] });
    expect(statuses([{ ...stored, id: "res-\ud800" }], snap)).toEqual(["id_has_spaces_or_controls"]);
    expect(statuses([{ id: "post-1", phase: "post", pendingId: "res-\ud800", date: "2026-03-10" }], snap)).toEqual(["pending_id_has_spaces_or_controls"]);
    expect(statuses([pay("pay-1", 100n, { debitAccountId: "quota\udc00" })], snap)).toEqual(["account_not_found"]);
    expect(statuses([{ ...stored, id: "res-\ufffd" }], snap)).toEqual(["exists"]);
  });

  it("still replays and resolves transfers stored with spaces around their id before the rule", () => {
    const stored: Transfer = { id: " res-1", phase: "pending", debitAccountId: "quota", creditAccountId: "paid", amount: 100n,
      date: "2026-03-01", references: {}, sequence: 1 };
    const snap = snapshot({ balances: funded, transfers: [stored] });
    expect(statuses([pay(" res-1", 100n, { phase: "pending", date: "2026-03-01" })], snap)).toEqual(["exists"]);
    expect(statuses([{ id: "post-1", phase: "post", pendingId: " res-1", date: "2026-03-10" }], snap)).toEqual(["ok"]);
  });

  it("reports the highest-precedence status when several rules break", () => {
    expect(statuses([pay("", 0n, { date: "x" })])).toEqual(["id_must_not_be_empty"]);
    expect(statuses([pay("a", 0n, { date: "2026-13-01" })])).toEqual(["invalid_date"]);
    expect(statuses([pay("a", 0n, { creditAccountId: "quota" })])).toEqual(["amount_must_be_positive"]);
    expect(statuses([pay("a", 1n, { creditAccountId: "quota", pendingId: "p" })])).toEqual(["accounts_must_be_different"]);
    expect(statuses([pay("a", 1n, { creditAccountId: "nope", pendingId: "p" })])).toEqual(["pending_id_must_be_empty"]);
    expect(statuses([pay("a", 1n, { creditAccountId: "plan", debitAccountId: "nope" })])).toEqual(["account_not_found"]);
    expect(statuses([pay("a", 1n, { creditAccountId: "plan", debitAccountId: "closed" })])).toEqual(["book_mismatch"]);
    const locked = snapshot({ balances: funded, locks: [{ from: "2026-03-01", to: "2026-03-31" }] });
    expect(statuses([pay("a", 1n, { creditAccountId: "closed" })], locked)).toEqual(["account_closed"]);
    expect(statuses([pay("a", 1_000_000n)], locked)).toEqual(["period_closed"]);
  });

  it("rejects an amount that is not a bigint", () => {
    expect(statuses([pay("a", 5 as unknown as bigint)])).toEqual(["amount_must_be_positive"]);
  });

  it("sees a reservation, its post and a second post of it within one batch", () => {
    const batch: TransferInput[] = [
      pay("res-1", 80_000n, { phase: "pending", expiresOn: "2026-03-31" }),
      pay("pay-1", 30_000n),
      { id: "post-1", phase: "post", pendingId: "res-1", amount: 50_000n, date: "2026-03-10" },
      { id: "post-2", phase: "post", pendingId: "res-1", date: "2026-03-10" },
      pay("pay-2", 50_000n),
    ];
    const plan = planTransfers(batch, snapshot({ balances: funded }), { partial: true });
    expect(plan.results.map((r) => r.status)).toEqual(["ok", "exceeds_limit", "ok", "pending_already_posted", "ok"]);
    expect(plan.balanceDeltas.get("quota")).toEqual({ ...ZERO_BALANCE, debitsPosted: 100_000n });
    expect(plan.balanceDeltas.get("paid")).toEqual({ ...ZERO_BALANCE, creditsPosted: 100_000n });
    expect(plan.transfers[1]).toMatchObject({ id: "post-1", debitAccountId: "quota", creditAccountId: "paid", pendingId: "res-1" });
  });

  it("compares a replay with the stored transfer, treating an omitted post amount as the full one", () => {
    const stored: Transfer[] = [
      { id: "res-1", phase: "pending", debitAccountId: "quota", creditAccountId: "paid", amount: 800n, date: "2026-03-01", references: {}, sequence: 1 },
      { id: "post-1", phase: "post", debitAccountId: "quota", creditAccountId: "paid", amount: 800n, date: "2026-03-02", pendingId: "res-1", references: {}, sequence: 2 },
    ];
    const snap = snapshot({ balances: funded, transfers: stored });
    const post: TransferInput = { id: "post-1", phase: "post", pendingId: "res-1", date: "2026-03-02" };
    expect(statuses([post, { ...post, amount: 800n }, { ...post, amount: 700n }], snap)).toEqual([
      "exists", "exists", "exists_with_different_fields",
    ]);
  });

  it("voids an expired reservation but refuses to post it", () => {
    const stored: Transfer[] = [{ id: "res-1", phase: "pending", debitAccountId: "quota", creditAccountId: "paid", amount: 800n,
      date: "2026-03-01", expiresOn: "2026-03-05", references: {}, sequence: 1 }];
    const snap = snapshot({ balances: { quota: { ...ZERO_BALANCE, creditsPosted: 1000n, debitsPending: 800n } }, transfers: stored });
    const late = { pendingId: "res-1", date: "2026-03-06" };
    expect(statuses([{ id: "post-1", phase: "post", ...late }, { id: "void-1", phase: "void", ...late }], snap)).toEqual([
      "pending_expired", "ok",
    ]);
  });

  it("refuses to post or void a reservation on a day before it was made, and takes the same day", () => {
    const stored: Transfer[] = [{ id: "res-1", phase: "pending", debitAccountId: "quota", creditAccountId: "paid", amount: 800n, date: "2026-05-02", references: {}, sequence: 1 }];
    const snap = snapshot({ balances: { quota: { ...ZERO_BALANCE, creditsPosted: 1000n, debitsPending: 800n } }, transfers: stored });
    const early = { pendingId: "res-1", date: "2026-04-01" };
    expect(statuses([{ id: "post-1", phase: "post", ...early }], snap)).toEqual(["dated_before_pending"]);
    expect(statuses([{ id: "void-1", phase: "void", ...early }], snap)).toEqual(["dated_before_pending"]);
    expect(statuses([{ id: "post-1", phase: "post", pendingId: "res-1", date: "2026-05-02" }], snap)).toEqual(["ok"]);
  });

  it("accepts 50,000 one-fen payments that exactly exhaust a quota and refuses the next fen", () => {
    const batch: TransferInput[] = [];
    for (let i = 0; i < 50_000; i++) batch.push(pay(`pay-${i}`, 1n));
    const snap = snapshot({ balances: { quota: { ...ZERO_BALANCE, creditsPosted: 50_000n } } });
    const plan = planTransfers(batch, snap);
    expect(plan.applied).toBe(true);
    expect(plan.transfers).toHaveLength(50_000);
    expect(plan.balanceDeltas.get("quota")?.debitsPosted).toBe(50_000n);
    const over = planTransfers([...batch, pay("pay-over", 1n)], snap);
    expect(over.applied).toBe(false);
    expect(over.results.at(-1)?.status).toBe("exceeds_limit");
  });
});
