import { describe, expect, it } from "vitest";
import type { QuotaControl } from "@jincai/budget";
import { createPaymentContext } from "./payment-context";
import { hintPayment, paymentPlanHint } from "./payment-plan-hints";
import type { PaymentPlanHints } from "./payment-plan-hints";
import { planPayment } from "./plan-payment";
import { planPayments } from "./plan-payments";
import type { PaymentImportRow } from "./plan-payments";
import { payment, paymentByDimensions, quota } from "./_testing/treasury-fixtures";

const control: QuotaControl = {
  id: "101001-302", name: "101001 商品和服务支出", match: [{ dimension: "agency", value: "101001" }, { dimension: "economicCode", value: "302", prefix: true }],
  limit: 5_000_000n, policy: "absolute", date: "2026-01-05",
};
const quotas = [quota({ economicCode: "302" }), quota({ id: "Q2", projectCode: "P2" })];
const context = createPaymentContext(quotas, [control]);

/** The hints another thread would send for the rows: what planning each found, or nothing. */
function hintsFor(rows: readonly PaymentImportRow[]): PaymentPlanHints {
  const n = rows.length;
  const hints = { quotas: new Array<PaymentPlanHints["quotas"][number]>(n).fill(undefined), economicCodes: new Array<string | undefined>(n).fill(undefined), memos: new Array<string | undefined>(n).fill(undefined) };
  rows.forEach((row, k) => {
    try {
      const hint = hintPayment(row, context);
      const line = quotas.find((q) => q.id === hint.quotaId)!;
      hints.quotas[k] = line;
      hints.economicCodes[k] = hint.economicCode === line.economicCode ? undefined : hint.economicCode;
      hints.memos[k] = hint.memo;
    } catch {
      // planned in full on the main thread
    }
  });
  return hints;
}

describe("planning payments with another thread's hints", () => {
  const rows: PaymentImportRow[] = [
    payment({ economicCode: "30201" }), // a 款 refining Q1's 类
    { ...paymentByDimensions({ paymentNumber: "ZF002", projectCode: "P2", economicCode: "30201" }), status: "submitted" },
    payment({ paymentNumber: "ZF003", quotaId: "Q9" }), // no such quota: no hint
    payment({ paymentNumber: "ZF004", date: "2025-12-31" }), // outside the year: refused by its reservation, which the hint leaves out
    payment({ economicCode: "30201", purpose: "会议" }), // ZF001 again, another purpose
    payment({ paymentNumber: "ZF005", payeeName: "  " }), // invalid: no hint
  ];

  it("gives every row the plan or the rejection planning it in full gives", () => {
    const hints = hintsFor(rows);
    expect(hints.quotas.map((q) => q?.id)).toEqual(["Q1", "Q2", undefined, "Q1", "Q1", undefined]);
    expect(hints.economicCodes[0]).toBe("30201");
    expect(planPayments(rows, context, hints)).toEqual(planPayments(rows, context));
    expect(planPayments(rows, context, hints).map((p) => (p.ok ? "ok" : p.result.status))).toEqual([
      "ok", "ok", "TREASURY_QUOTA_NOT_FOUND", "BUDGET_OUTSIDE_FISCAL_YEAR", "TREASURY_PAYMENT_CONFLICT", "TREASURY_INVALID_PAYMENT",
    ]);
  });

  it("takes the quota line, the refined code and the memo from the hint, not from the row again", () => {
    const [row] = rows;
    const hints: PaymentPlanHints = { quotas: [quotas[0]!], economicCodes: ["30211"], memos: ["[\"x\"]"] };
    const [plan] = planPayments([row!], context, hints);
    expect(plan).toMatchObject({ ok: true, planned: { payment: { quotaId: "Q1", economicCode: "30211" } } });
    expect(plan!.ok && plan!.planned.plan.transfers[0]!.references).toEqual({ voucher: "ZF001", memo: "[\"x\"]" });
    // The reservation is still planned and checked here: the control's leg, and a date outside the year.
    expect(plan!.ok && plan!.planned.plan.transfers.map((t) => t.id)).toEqual(["pay:ZF001", "pay:ZF001~101001-302"]);
    const [late] = planPayments([{ ...row!, date: "2027-01-02" }], context, hints);
    expect(late).toMatchObject({ ok: false, result: { status: "BUDGET_OUTSIDE_FISCAL_YEAR" } });
  });

  it("works out a hint without the reservation: what planning in full would hand on", () => {
    for (const row of rows) {
      let full: unknown;
      try {
        full = paymentPlanHint(planPayment(row, context, row.status ?? "paid"));
      } catch {
        continue;
      }
      expect(hintPayment(row, context)).toEqual(full);
    }
    // A quota that does not exist or a blank payee is refused before any hint; a date outside the
    // year is the reservation's to refuse.
    expect(() => hintPayment(rows[2]!, context)).toThrow(expect.objectContaining({ code: "TREASURY_QUOTA_NOT_FOUND" }));
    expect(() => hintPayment(rows[5]!, context)).toThrow(expect.objectContaining({ code: "TREASURY_INVALID_PAYMENT" }));
    expect(hintPayment(rows[3]!, context).quotaId).toBe("Q1");
  });

  it("refuses with the hint what the reservation refuses without it: a line not executable", () => {
    const closed = quota({ id: "Q3", projectCode: "P3", executable: false });
    const ctx = createPaymentContext([...quotas, closed], [control]);
    const odd = [payment({ paymentNumber: "ZF006", quotaId: "Q3" })];
    const hint = hintPayment(odd[0]!, ctx);
    expect(hint.quotaId).toBe("Q3");
    const hints: PaymentPlanHints = { quotas: [closed], economicCodes: [undefined], memos: [hint.memo] };
    expect(planPayments(odd, ctx, hints)).toEqual(planPayments(odd, ctx));
    expect(planPayments(odd, ctx, hints)[0]).toMatchObject({ ok: false, result: { status: "BUDGET_NOT_EXECUTABLE" } });
  });

  it("reads a planned payment's hint: its quota, effective economic code and memo", () => {
    expect(paymentPlanHint(planPayment(rows[0]!, context, "paid"))).toEqual({
      quotaId: "Q1", economicCode: "30201", memo: JSON.stringify(["武汉某某办公用品公司", "420101000000001", "办公用品", "30201"]),
    });
  });
});
