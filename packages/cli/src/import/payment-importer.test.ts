import { loadQuota, quotaExecution } from "@jincai/budget";
import type { QuotaLine } from "@jincai/budget";
import { FUND_TYPES, buildAgencyTree, createCodeRegistry, createMemoryStore } from "@jincai/core";
import type { PaymentRow, Store } from "@jincai/core";
import { openSqliteStore } from "@jincai/store-sqlite";
import { afterEach, describe, expect, it } from "vitest";
import type { JincaiConfig } from "../config";
import { decodePaymentHints, paymentHinter } from "./payment-hints";
import { paymentImporter } from "./payment-importer";

const CONFIG: JincaiConfig = { store: { sqlite: "jincai.db" }, fiscalYear: 2026, division: "420100", controls: [] };

const Q1: QuotaLine = {
  id: "Q1", documentNumber: "财预〔2026〕1号", source: "1", fiscalYear: 2026, agency: "101001", fundType: "111",
  functionCode: "2010101", economicCode: "30201", govEconomicCode: "50201", projectCode: "P1", paymentType: "11",
  amount: 10_000_000n, executable: true, date: "2026-01-05",
};

/** Quota Q1 (100,000.00 yuan) of agency 101001, loaded into the store. */
async function withQuota(store: Store): Promise<Store> {
  const codes = createCodeRegistry();
  codes.load(
    [["function", "201"], ["function", "20101"], ["function", "2010101"], ["economic-dept", "302"], ["economic-dept", "30201"], ["economic-gov", "502"], ["economic-gov", "50201"]].map(
      ([kind, code]) => ({ kind: kind as "function", code: code!, name: code!, year: 2026 }),
    ),
  );
  const agencies = buildAgencyTree([{ code: "101001", name: "市财政局", unitType: "行政", divisionCode: "420100" }]);
  await loadQuota(store, Q1, { codes, agencies, fundTypes: FUND_TYPES });
  return store;
}

/** An export row of 1,000.00 yuan on Q1; 已退票 rows are refunded on 1 April. */
const row = (paymentId: string, status: string): PaymentRow => ({
  payment_id: paymentId, quota_id: "Q1", agency_code: "101001", fund_type: "111", function_code: "2010101", amount: 100_000n,
  paid_on: "2026-03-02", payee_name: "武汉某某办公用品公司", payee_account: "420101000000001", summary: "办公用品", status,
  ...(status === "已退票" ? { refund_date: "2026-04-01" } : {}),
});

/** Imports one file of rows as one chunk, in one transaction. */
async function importRows(store: Store, rows: readonly PaymentRow[]): Promise<string[]> {
  return store.transaction(async (tx) => (await (await paymentImporter(tx, CONFIG)).apply(rows)).map((o) => o.status));
}

const stores: [string, () => Store][] = [
  ["memory", () => createMemoryStore()],
  ["sqlite", () => openSqliteStore({ filename: ":memory:" })],
];
let open: Store | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

describe.each(stores)("paymentImporter statuses on the %s store", (_name, create) => {
  it("reads the statuses payment systems export (支付成功, 已清算, 待审核, 审核通过, 作废, PAID) as their lifecycle steps", async () => {
    const store = (open = await withQuota(create()));
    const rows = [row("ZS1", "支付成功"), row("ZS2", "已清算"), row("ZS3", "待审核"), row("ZS4", "审核通过"), row("ZS5", "PAID"), row("ZS6", "作废")];
    expect(await importRows(store, rows)).toEqual(["ok", "ok", "ok", "ok", "ok", "ok"]);
    const [q1] = await quotaExecution(store, { quotaIds: ["Q1"] });
    expect(q1).toMatchObject({ consumed: 300_000n, reserved: 200_000n });
    const [unknown] = await store.transaction(async (tx) => (await paymentImporter(tx, CONFIG)).apply([row("ZS7", "处理中")]));
    // An input error like any unknown value (exit 2), not a payment rule (exit 1).
    expect(unknown).toMatchObject({ status: "rejected", code: "IMPORT_INVALID_VALUE", field: "status" });
  });
});

describe.each(stores)("paymentImporter refunds on the %s store", (_name, create) => {
  it("refunds a payment of the same chunk, one of an earlier import, a replay and a repeat, each as it would alone", async () => {
    const store = (open = await withQuota(create()));
    // Yesterday: ZF001 paid; ZF002 paid and refunded (written and refunded in one chunk).
    expect(await importRows(store, [row("ZF001", "已支付"), row("ZF002", "已退票")])).toEqual(["ok", "ok"]);
    // Today: ZF001 refunded (stored yesterday), ZF002 again, ZF003 paid and refunded, twice.
    const today = [row("ZF001", "已退票"), row("ZF002", "已退票"), row("ZF003", "已退票"), row("ZF003", "已退票")];
    expect(await importRows(store, today)).toEqual(["ok", "exists", "ok", "exists"]);
    const documents = await store.getRecords("payment", ["ZF001", "ZF002", "ZF003"]);
    expect(documents.map((d) => [d?.version, (d?.data as { status: string }).status])).toEqual([[1, "refunded"], [1, "refunded"], [1, "refunded"]]);
    expect(documents[2]?.data).toMatchObject({
      reservationPhase: "posted", controlIds: [], refunds: [{ refundNumber: "ZF003-R", amount: "100000", date: "2026-04-01" }],
      events: [{ status: "paid", date: "2026-03-02" }, { status: "refunded", date: "2026-04-01" }],
    });
    const [q1] = await quotaExecution(store, { quotaIds: ["Q1"] });
    expect(q1).toMatchObject({ consumed: 0n, reserved: 0n });
    // Tomorrow the same file again changes nothing.
    expect(await importRows(store, today)).toEqual(["exists", "exists", "exists", "exists"]);
    expect((await store.getRecords("payment", ["ZF001", "ZF002", "ZF003"])).map((d) => d?.version)).toEqual([1, 1, 1]);
  });
});

describe.each(stores)("paymentImporter with the reading thread's plans on the %s store", (_name, create) => {
  it("applies a chunk planned ahead on another thread exactly as it plans it itself, bad rows included", async () => {
    const rows = [
      row("ZT1", "已支付"), { ...row("ZT2", "已提交"), economic_code: "30201" }, row("ZT3", "处理中"), { ...row("ZT4", "已支付"), quota_id: "Q9" },
      { ...row("ZT5", "已支付"), function_code: "2010102" }, { ...row("ZT6", "已支付"), paid_on: "2026-01-01" }, row("ZT1", "已支付"), row("ZT7", "已退票"),
      { ...row("ZT8", "已支付"), amount: 99_000_000n },
    ];
    const [planned, alone] = [(open = await withQuota(create())), await withQuota(create())];
    try {
      const outcomes = await planned.transaction(async (tx) => {
        const importer = await paymentImporter(tx, CONFIG);
        expect(importer.threadPlan?.kind).toBe("payments");
        // What the reading thread is given arrives as a structured clone.
        const hint = paymentHinter(structuredClone(importer.threadPlan!.data));
        const { encoded } = hint(rows);
        // ZT3 is refused before planning (no input); ZT4 (no quota) and ZT5 (codes) have no hint. ZT6
        // (paid before Q1 was issued) has one: its reservation, planned here, refuses it.
        expect([...encoded.quota]).toEqual([0, 0, -1, -1, 0, 0, 0, 0]);
        return importer.apply(rows, structuredClone(encoded));
      });
      const direct = await alone.transaction(async (tx) => (await paymentImporter(tx, CONFIG)).apply(rows));
      expect(outcomes).toEqual(direct);
      expect(outcomes.map((o) => (o.status === "rejected" ? o.code : o.status))).toEqual([
        "ok", "ok", "IMPORT_INVALID_VALUE", "TREASURY_QUOTA_NOT_FOUND", "TREASURY_CODE_MISMATCH", "BUDGET_NOT_YET_ISSUED", "exists", "ok", "TREASURY_EXCEEDS_QUOTA",
      ]);
      const transfers = async (store: Store) => (await store.getTransfers(["pay:ZT1", "pay:ZT2", "pay:ZT7", "pay:ZT7.refund:ZT7-R"])).map((t) => t && { ...t, timestamp: 0 });
      expect(await transfers(planned)).toEqual(await transfers(alone));
    } finally {
      await alone.close();
    }
  });

  it("plans a chunk in full when its hints do not line up with its rows", () => {
    const encoded = { quota: new Int32Array([0, 0]), memos: "[]\u0000[]", refined: [] };
    expect(decodePaymentHints(encoded, [Q1], 3)).toBeUndefined();
    expect(decodePaymentHints(encoded, [Q1], 2)).toEqual({ quotas: [Q1, Q1], economicCodes: [undefined, undefined], memos: ["[]", "[]"] });
  });
});
