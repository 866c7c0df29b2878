import { describe, expect, it } from "vitest";
import { defineQuotaControl } from "@jincai/budget";
import { applyPayments } from "./apply-payments";
import { createPaymentContext } from "./payment-context";
import { getPayment } from "./get-payment";
import { control, figures, payment, paymentByDimensions, quota, treasuryStore } from "./_testing/treasury-fixtures";

const rows = (n: number, amount = 1_000_000n) =>
  Array.from({ length: n }, (_, i) => payment({ paymentNumber: `ZF${String(i + 1).padStart(3, "0")}`, amount }));

describe("applyPayments", () => {
  it("imports three historic payments of 10,000.00 as consumption, one result per row", async () => {
    const { store, context } = await treasuryStore();
    const results = await store.transaction((tx) => applyPayments(tx, rows(3), context));
    expect(results.map((r) => [r.index, r.paymentNumber, r.status, r.quotaId])).toEqual([
      [0, "ZF001", "ok", "Q1"],
      [1, "ZF002", "ok", "Q1"],
      [2, "ZF003", "ok", "Q1"],
    ]);
    expect(await figures(store)).toMatchObject({ consumed: 3_000_000n, reserved: 0n, available: 7_000_000n });
    expect(await store.getRecord("payment", "ZF001")).toBeUndefined();
  });

  it("changes nothing when the same rows are imported again", async () => {
    const { store, context } = await treasuryStore();
    await applyPayments(store, rows(3), context);
    const again = await applyPayments(store, rows(3), context);
    expect(again.map((r) => r.status)).toEqual(["exists", "exists", "exists"]);
    expect((await figures(store)).consumed).toBe(3_000_000n);
  });

  it("reports a replay of a fully used quota as exists, and a new row on it as an overspend", async () => {
    const { store, context } = await treasuryStore();
    await applyPayments(store, rows(10), context);
    const again = await applyPayments(store, [...rows(10), payment({ paymentNumber: "ZF011", amount: 1n })], context);
    expect(again.slice(0, 10).every((r) => r.status === "exists")).toBe(true);
    expect(again[10]).toMatchObject({ status: "TREASURY_EXCEEDS_QUOTA", details: { quotaId: "Q1", available: "0", requested: "1" } });
  });

  it("accepts a new row that fits beside replayed rows of a nearly full quota", async () => {
    const { store, context } = await treasuryStore();
    await applyPayments(store, rows(9), context);
    const again = await applyPayments(store, [...rows(9), payment({ paymentNumber: "ZF010", amount: 1_000_000n })], context);
    expect(again.map((r) => r.status)).toEqual([...Array(9).fill("exists"), "ok"]);
    expect((await figures(store)).available).toBe(0n);
  });

  it("rejects the row that would overspend with available and requested, and applies the rest", async () => {
    const { store, context } = await treasuryStore();
    const results = await applyPayments(
      store,
      [payment({ paymentNumber: "A", amount: 6_000_000n }), payment({ paymentNumber: "B", amount: 5_000_000n }), payment({ paymentNumber: "C", amount: 4_000_000n })],
      context,
    );
    expect(results.map((r) => r.status)).toEqual(["ok", "TREASURY_EXCEEDS_QUOTA", "ok"]);
    expect(results[1]?.details).toEqual({ quotaId: "Q1", available: "4000000", requested: "5000000" });
    expect((await figures(store)).available).toBe(0n);
  });

  it("keeps back the amounts given as unavailable: 100,000.00 on Q1 with 20,000.00 not to be used leaves 80,000.00", async () => {
    const { store, context } = await treasuryStore();
    const unavailable = new Map([["quota:Q1", 2_000_000n]]);
    const [over] = await store.transaction((tx) => applyPayments(tx, [payment({ amount: 8_000_001n })], context, undefined, { unavailable }));
    expect(over).toMatchObject({ status: "TREASURY_EXCEEDS_QUOTA", details: { available: "8000000", requested: "8000001" } });
    const [fits] = await store.transaction((tx) => applyPayments(tx, [payment({ amount: 8_000_000n })], context, undefined, { unavailable }));
    expect(fits?.status).toBe("ok");
    expect((await figures(store)).consumed).toBe(8_000_000n);
  });

  it("reports a payment number reused with another amount as a conflict, in the store and within the chunk", async () => {
    const { store, context } = await treasuryStore();
    await applyPayments(store, [payment()], context);
    const results = await applyPayments(
      store,
      [payment({ amount: 2n }), payment({ paymentNumber: "ZF002" }), payment({ paymentNumber: "ZF002" }), payment({ paymentNumber: "ZF002", amount: 3n })],
      context,
    );
    expect(results.map((r) => r.status)).toEqual(["TREASURY_PAYMENT_CONFLICT", "ok", "exists", "TREASURY_PAYMENT_CONFLICT"]);
    // Each names the field that differs and both values, so the clerk knows what to fix.
    expect([results[0]?.message, results[3]?.message]).toEqual([
      "payment ZF001 was recorded with amount 10,000.00; this row says 0.02",
      "payment ZF002 was recorded with amount 10,000.00; this row says 0.03",
    ]);
    expect(results[0]?.details).toEqual({ field: "amount", recorded: "1000000", given: "2" });
    expect((await figures(store)).consumed).toBe(2_000_000n);
  });

  it("returns planning rejections per row: not found, ambiguous, code mismatch, missing dimension", async () => {
    const quotas = [quota(), quota({ id: "Q302", economicCode: "302" })];
    const { store, context } = await treasuryStore(quotas);
    const results = await applyPayments(
      store,
      [
        paymentByDimensions({ paymentNumber: "N1", projectCode: "P9" }),
        paymentByDimensions({ paymentNumber: "N2" }),
        payment({ paymentNumber: "N3", agency: "101002" }),
        paymentByDimensions({ paymentNumber: "N4", functionCode: undefined }),
        paymentByDimensions({ paymentNumber: "N5", economicCode: "30211" }),
      ],
      context,
    );
    expect(results.map((r) => r.status)).toEqual([
      "TREASURY_QUOTA_NOT_FOUND",
      "TREASURY_QUOTA_AMBIGUOUS",
      "TREASURY_CODE_MISMATCH",
      "BUDGET_MISSING_DIMENSION",
      "ok",
    ]);
    expect(results[4]?.quotaId).toBe("Q302");
  });

  it("enforces an absolute control over two quotas and reports which control", async () => {
    const { store, context } = await treasuryStore([quota(), quota({ id: "Q2", economicCode: "30211" })], [control()]);
    const results = await applyPayments(
      store,
      [payment({ paymentNumber: "A", amount: 9_000_000n }), payment({ paymentNumber: "B", quotaId: "Q2", amount: 7_000_000n })],
      context,
    );
    expect(results[1]).toMatchObject({ status: "TREASURY_EXCEEDS_CONTROL", details: { controlId: "C302", available: "6000000", requested: "7000000" } });
    expect((await figures(store, "Q2")).consumed).toBe(0n);
  });

  it("starts a control defined after an import from what it paid, and does not count its replayed payments again", async () => {
    const { store, context } = await treasuryStore();
    await applyPayments(store, rows(3), context);
    const paid = (await figures(store, "Q1")).consumed;
    expect(await defineQuotaControl(store, control())).toEqual({ status: "ok", opening: paid, lines: 1, reservations: 3 });
    const withControl = createPaymentContext([quota()], [control()]);
    expect((await applyPayments(store, rows(3), withControl)).map((r) => r.status)).toEqual(["exists", "exists", "exists"]);
    const [c] = await store.accountBalances({ accountIds: ["quota-control:C302"] });
    expect(c?.balance.debitsPosted).toBe(paid);
  });

  it("warns once when the 80 % and 100 % thresholds of an advisory control are crossed", async () => {
    const advisory = control({ policy: "advisory", limit: 5_000_000n, thresholds: [{ percent: 80, severity: "info" }, { percent: 100, severity: "critical" }] });
    const { store, context } = await treasuryStore(undefined, [advisory]);
    const results = await applyPayments(store, rows(6), context);
    expect(results.map((r) => (r.warnings ?? []).map((w) => `${w.code}:${w.percent ?? ""}`))).toEqual([
      [],
      [],
      [],
      ["BUDGET_THRESHOLD_REACHED:80"],
      ["BUDGET_THRESHOLD_REACHED:100"],
      ["BUDGET_ADVISORY_EXCEEDED:"],
    ]);
  });

  it("stores a document for submitted rows so they can be approved and paid later", async () => {
    const { store, context } = await treasuryStore();
    const [r] = await applyPayments(store, [{ ...payment(), status: "submitted" }], context);
    expect(r?.status).toBe("ok");
    expect(await getPayment(store, "ZF001")).toMatchObject({ status: "submitted" });
    expect(await figures(store)).toMatchObject({ reserved: 1_000_000n });
  });

  it("rejects a row dated in a closed period with TREASURY_PERIOD_CLOSED and its date, and applies the others", async () => {
    const { store, context } = await treasuryStore();
    await store.lockPeriod({ from: "2026-02-01", to: "2026-02-28", book: "quota" });
    const results = await store.transaction((tx) =>
      applyPayments(tx, [payment({ paymentNumber: "A", date: "2026-02-10" }), payment({ paymentNumber: "B" })], context),
    );
    expect(results).toMatchObject([
      { status: "TREASURY_PERIOD_CLOSED", details: { status: "period_closed", field: "date", date: "2026-02-10" }, message: "payment A: its date 2026-02-10 is in a closed period" },
      { status: "ok" },
    ]);
  });

  it("checks new rows in file order although a replayed row comes first: the row after the replay fits, the last does not", async () => {
    const { store, context } = await treasuryStore();
    // Q1 holds 100,000.00: 80,000.00 paid yesterday (X1), so 20,000.00 are left.
    await applyPayments(store, [payment({ paymentNumber: "X1", amount: 8_000_000n })], context);
    const results = await applyPayments(
      store,
      [payment({ paymentNumber: "X1", amount: 8_000_000n }), payment({ paymentNumber: "X2", amount: 1_500_000n }), payment({ paymentNumber: "X3", amount: 1_000_000n })],
      context,
    );
    expect(results.map((r) => r.status)).toEqual(["exists", "ok", "TREASURY_EXCEEDS_QUOTA"]);
    // The available figure X3 was refused with is the one at its place in the file.
    expect(results[2]?.details).toEqual({ quotaId: "Q1", available: "500000", requested: "1000000" });
  });

  it("rejects a row dated in a closed period at its row when a replayed row and an overspend share its chunk", async () => {
    const { store, context } = await treasuryStore();
    await applyPayments(store, [payment({ paymentNumber: "X1", amount: 1_000_000n, date: "2026-01-10" })], context);
    await store.lockPeriod({ from: "2026-01-01", to: "2026-01-31", book: "quota" });
    const results = await store.transaction((tx) =>
      applyPayments(
        tx,
        [
          payment({ paymentNumber: "X1", amount: 1_000_000n, date: "2026-01-10" }),
          payment({ paymentNumber: "X2", amount: 1_500_000n, date: "2026-01-31" }),
          payment({ paymentNumber: "X3", amount: 9_000_000n }),
        ],
        context,
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["exists", "TREASURY_PERIOD_CLOSED", "ok"]);
  });

  it("counts a payment listed twice in one chunk once when checking the rows after it", async () => {
    const { store, context } = await treasuryStore();
    const twice = payment({ paymentNumber: "D1", amount: 6_000_000n });
    const results = await applyPayments(store, [twice, twice, payment({ paymentNumber: "D2", amount: 4_000_000n })], context);
    expect(results.map((r) => r.status)).toEqual(["ok", "exists", "ok"]);
    expect((await figures(store)).available).toBe(0n);
  });
});
