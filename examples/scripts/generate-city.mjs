#!/usr/bin/env node
// Seeded, deterministic generator of 青川市's fiscal year: agencies, approved quotas (指标) and a
// year of payments (支付), from a few thousand rows (committed in examples/city) to millions (for
// benchmarks). The same seed and size give byte-identical files.
//
// Statuses: 4 % of payments only submitted (已提交), 3 % paid and refunded (已退票), the rest paid
// (已支付). With --lifecycle, 2 % of them are approved and waiting to be paid (已审核) and 1 %
// sent back (已退回) instead of paid; every other row stays as without it, so the default files
// (the committed sample, the benchmarks) do not change.
//
//   node examples/scripts/generate-city.mjs [--payments 3000] [--seed 20260101] [--out examples/city] [--lifecycle]
//
// Payments stream to disk; only per-quota running totals stay in memory, so 1M rows need ~20 MB.
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { BASIC_ECONOMIC, CITY, DEPARTMENTS, FUND_GENERAL, FUND_GOV, PAYEES, PROJECT_ECONOMIC } from "./city-model.mjs";

/** mulberry32: a small, fast, seedable PRNG (deterministic across platforms). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, list) => list[Math.floor(r() * list.length)];
const fen = (n) => `${n / 100n}.${String(n % 100n).padStart(2, "0")}`;

/** Builds the agencies and the quota lines (without amounts) of the city. */
export function cityQuotaLines(seed) {
  const r = rng(seed);
  const agencies = [];
  const lines = [];
  for (const dept of DEPARTMENTS) {
    agencies.push([dept.code, dept.name, "", "行政", CITY.division]);
    for (const [code, name, unitType] of dept.agencies) {
      agencies.push([code, name, dept.code, unitType, CITY.division]);
      const basicFunction = dept.functions[0];
      for (const econ of BASIC_ECONOMIC) {
        lines.push({ agency: code, fund: FUND_GENERAL, fn: basicFunction, econ, project: "JB0000", payType: "直接支付", source: "年初预算" });
      }
      const projects = 1 + Math.floor(r() * 3);
      for (let p = 1; p <= projects; p++) {
        const project = `XM${CITY.fiscalYear}${code}${String(p).padStart(2, "0")}`;
        const fn = dept.functions[1 + Math.floor(r() * (dept.functions.length - 1))];
        const fund = r() < 0.15 ? FUND_GOV : FUND_GENERAL;
        const source = r() < 0.2 ? "追加" : r() < 0.1 ? "上级转移支付" : "年初预算";
        for (const econ of [pick(r, PROJECT_ECONOMIC), pick(r, PROJECT_ECONOMIC)]) {
          if (lines.some((l) => l.agency === code && l.project === project && l.econ === econ)) continue;
          lines.push({ agency: code, fund, fn, econ, project, payType: r() < 0.5 ? "直接支付" : "授权支付", source });
        }
      }
    }
  }
  lines.forEach((l, i) => {
    l.id = `ZB${CITY.fiscalYear}${String(i + 1).padStart(5, "0")}`;
    l.doc = `青财预〔${CITY.fiscalYear}〕${1 + (i % 40)}号`;
    l.weight = 0.2 + r() * 3;
  });
  return { agencies, lines };
}

function csvRow(cells) {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",") + "\n";
}

/** The status of a payment from its roll in [0, 1); see the header for the mix. */
export function paymentStatus(roll, lifecycle = false) {
  if (roll < 0.04) return "已提交";
  if (roll < 0.07) return "已退票";
  if (lifecycle && roll < 0.09) return "已审核";
  if (lifecycle && roll < 0.1) return "已退回";
  return "已支付";
}

/**
 * Writes agencies.csv, quotas.csv and payments.csv for `payments` rows into `out`; `lifecycle`
 * adds approved (已审核) and sent-back (已退回) payments.
 */
export async function generateCity({ payments = 3000, seed = 20260101, out = "examples/city", lifecycle = false } = {}) {
  mkdirSync(out, { recursive: true });
  const { agencies, lines } = cityQuotaLines(seed);
  const r = rng(seed ^ 0x5eed);
  writeFileSync(
    join(out, "agencies.csv"),
    csvRow(["单位编码", "单位名称", "上级单位", "单位类型", "财政区划"]) + agencies.map(csvRow).join(""),
  );
  // Cumulative weights, so a payment picks its quota in O(log n).
  const cumulative = [];
  let total = 0;
  for (const l of lines) cumulative.push((total += l.weight));
  const spent = lines.map(() => 0n);
  const stream = createWriteStream(join(out, "payments.csv"));
  const write = (s) => (stream.write(s) ? undefined : new Promise((res) => stream.once("drain", res)));
  await write(csvRow(["支付单号", "支付日期", "指标编号", "单位编码", "资金性质", "功能科目", "经济科目", "项目编码", "收款人", "收款账号", "金额", "用途", "状态", "退票日期"]));
  const start = Date.UTC(CITY.fiscalYear, 0, 1);
  const days = 365;
  let buffer = "";
  for (let i = 0; i < payments; i++) {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    const q = lines[lo];
    const amount = BigInt(Math.floor(50_000 + Math.pow(r(), 3) * 5_000_000)); // 500 yuan … 50,500 yuan
    const day = Math.floor((i * days) / payments);
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    const roll = r();
    const status = paymentStatus(roll, lifecycle);
    const refundDay = Math.min(days - 1, day + 3 + Math.floor(r() * 10));
    const refund = status === "已退票" ? new Date(start + refundDay * 86_400_000).toISOString().slice(0, 10) : "";
    // Refunded payments are paid first and sent-back ones reserved first, so they count too.
    spent[lo] += amount;
    const payee = pick(r, PAYEES);
    const account = `6222${String(Math.floor(r() * 1e12)).padStart(12, "0")}`;
    buffer += csvRow([
      `ZF${CITY.fiscalYear}${String(i + 1).padStart(8, "0")}`, date, q.id, q.agency, q.fund, q.fn, q.econ, q.project,
      payee, account, fen(amount), "日常支付", status, refund,
    ]);
    if (buffer.length > 1 << 16) {
      await write(buffer);
      buffer = "";
    }
  }
  await write(buffer);
  await new Promise((res) => stream.end(res));
  // Quotas cover what is spent with 5–40 % headroom, rounded up to 100 yuan, so the good sample
  // passes every check; the bad-rows file is where the rejections live.
  const quotaRows = lines.map((l, i) => {
    const headroom = 105n + BigInt(Math.floor(r() * 35));
    let amount = (spent[i] * headroom) / 100n;
    amount = ((amount + 9_999n) / 10_000n) * 10_000n;
    if (amount === 0n) amount = 1_000_000n;
    return csvRow([l.id, l.doc, l.source, String(CITY.fiscalYear), l.agency, l.fund, l.fn, l.econ, l.project, l.payType, fen(amount), "是"]);
  });
  writeFileSync(
    join(out, "quotas.csv"),
    csvRow(["指标编号", "指标文号", "指标来源", "年度", "单位编码", "资金性质", "功能科目", "经济科目", "项目编码", "支付方式", "金额", "是否可执行"]) + quotaRows.join(""),
  );
  return { agencies: agencies.length, quotas: lines.length, payments };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      payments: { type: "string", default: "3000" }, seed: { type: "string", default: "20260101" }, out: { type: "string", default: "examples/city" },
      lifecycle: { type: "boolean", default: false },
    },
  });
  const result = await generateCity({ payments: Number(values.payments), seed: Number(values.seed), out: values.out, lifecycle: values.lifecycle });
  console.log(`wrote ${result.agencies} agencies, ${result.quotas} quotas, ${result.payments} payments to ${values.out}`);
}
