/**
 * `jincai payment <number...>`: looks payments up by number — status, quota, amounts, payee and
 * the history of status changes and refunds — for the finance office answering "where is this
 * payment?". Exit 2 when a number is unknown (the others are still shown).
 */
import { QUOTA_COLLECTION, loadQuotaControls, quotaFromDocument } from "@jincai/budget";
import type { QuotaDocument, QuotaLine } from "@jincai/budget";
import { formatFen, paymentRowSchema, showInvisible } from "@jincai/core";
import { TreasuryErrorCode, paymentHistories } from "@jincai/treasury";
import type { PaymentHistory } from "@jincai/treasury";
import type { Command } from "commander";
import type { CliContext } from "../cli-context";
import { EXIT } from "../exit-codes";
import { withStore } from "../with-store";

/** Status names as the payment system's exports write them. */
const STATUS_NAMES: Readonly<Record<string, string>> = {
  submitted: "已提交", approved: "已审核", paid: "已支付", refunded: "已退票", rejected: "已退回",
};

/**
 * Registers `jincai payment` on the program.
 *
 * @example
 * ```ts
 * registerPayment(program, context);
 * ```
 */
export function registerPayment(program: Command, ctx: CliContext): void {
  program
    .command("payment")
    .description("look payments up by number: status, quota, amounts, payee, history; exit 2 if one is unknown")
    .argument("<number...>", "payment numbers (支付单号)")
    .option("--json", "print the payments as JSON")
    .addHelpText("after", `\nExamples:\n  $ jincai payment ZF202600000001\n  $ jincai payment ZF202600000001 ZF202600000027 --json`)
    .action(async (numbers: string[], opts: { json?: boolean }) => {
      const { found, lines, retired } = await withStore(ctx, async (store) => {
        const histories = await paymentHistories(store, numbers.map(asImported));
        // The quota line tells the agency, fund type, function and project a clerk knows a payment by.
        const ids = [...new Set(histories.flatMap((h) => (h === undefined ? [] : [h.payment.quotaId])))];
        const docs = await store.getRecords<QuotaDocument>(QUOTA_COLLECTION, ids);
        // A retired control is shown as such: the payment keeps its share of it.
        const retired = new Map((await loadQuotaControls(store)).flatMap((c) => (c.retired === undefined ? [] : [[c.id, c.retired] as const])));
        return { found: histories, retired, lines: new Map(docs.flatMap((d, i) => (d === undefined ? [] : [[ids[i]!, quotaFromDocument(d.data)] as const]))) };
      });
      const missing = numbers.filter((_, i) => found[i] === undefined);
      const shown = found.filter((h): h is PaymentHistory => h !== undefined);
      if (opts.json) ctx.out(JSON.stringify(shown.map((h) => toJson(h, lines.get(h.payment.quotaId))), null, 2));
      else shown.forEach((h, i) => ctx.out(`${i > 0 ? "\n" : ""}${describe(h, lines.get(h.payment.quotaId), retired)}`));
      for (const number of missing) ctx.err(`jincai: ${TreasuryErrorCode.PAYMENT_NOT_FOUND}: no payment ${notFoundLabel(number)}`);
      ctx.exitCode = missing.length > 0 ? EXIT.usage : EXIT.ok;
    });
}

/**
 * A number as the import reads a 支付单号 cell: pasted from a spreadsheet with a space around it,
 * in full-width letters or after Excel's apostrophe, it finds the payment the import stored.
 */
function asImported(number: string): string {
  const text = number.trim();
  const parsed = paymentRowSchema.fields["payment_id"]?.parseCell?.(text);
  return typeof parsed === "string" ? parsed : text;
}

/**
 * A number not found as the clerk can see it: quoted, with what was looked up, when the lookup
 * read it otherwise (`"ZF0002 " (looked up as ZF0002)`), so a space pasted with it is not invisible.
 */
function notFoundLabel(number: string): string {
  const looked = asImported(number);
  return looked === number ? showInvisible(number) : `"${showInvisible(number)}" (looked up as ${showInvisible(looked)})`;
}

/** A payment's refunds by date (then number), whatever order the files that brought them came in. */
function byDate(refunds: PaymentHistory["refunds"]): PaymentHistory["refunds"] {
  return [...refunds].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.refundNumber < b.refundNumber ? -1 : a.refundNumber > b.refundNumber ? 1 : 0));
}

function describe({ payment: p, events, refunds }: PaymentHistory, line: QuotaLine | undefined, retired: ReadonlyMap<string, string>): string {
  const controls = p.controlIds.map((id) => (retired.has(id) ? `${id} (retired from ${retired.get(id)!})` : id));
  const lines = [
    // The date beside the status is the status's own (paid on 8 January, not submitted on the 4th).
    `${p.paymentNumber}  ${STATUS_NAMES[p.status] ?? p.status} ${p.status}  ${events.at(-1)?.date ?? p.date}`,
    `  quota     ${p.quotaId}  economic ${p.economicCode}${controls.length > 0 ? `  controls ${controls.join(", ")}` : ""}`,
    ...(line === undefined ? [] : [`  line      agency ${line.agency}  fund ${line.fundType}  function ${line.functionCode}  project ${line.projectCode}`]),
    `  amount    ${formatFen(p.amount)}  paid ${formatFen(p.paidAmount)}  refunded ${formatFen(p.refundedAmount)}`,
    `  payee     ${p.payeeName}  ${p.payeeAccount}`,
    `  purpose   ${p.purpose}`,
    `  history   ${events.map((e) => `${e.date} ${e.status}`).join(", ")}`,
  ];
  for (const r of byDate(refunds)) lines.push(`  refund    ${r.refundNumber}  ${formatFen(BigInt(r.amount))}  ${r.date}`);
  return lines.join("\n");
}

function toJson({ payment: p, events, refunds }: PaymentHistory, line: QuotaLine | undefined): Record<string, unknown> {
  const yuan = (fen: bigint) => formatFen(fen, { grouping: false });
  // Fields in one fixed order: a payment read from its document and a historic one read from
  // its transfer are built in different orders, and scripts diff this output.
  return {
    paymentNumber: p.paymentNumber,
    date: p.date,
    payeeName: p.payeeName,
    payeeAccount: p.payeeAccount,
    amount: yuan(p.amount),
    purpose: p.purpose,
    quotaId: p.quotaId,
    ...(line === undefined ? {} : { agency: line.agency, fundType: line.fundType, functionCode: line.functionCode, projectCode: line.projectCode }),
    economicCode: p.economicCode,
    status: p.status,
    paidAmount: yuan(p.paidAmount),
    refundedAmount: yuan(p.refundedAmount),
    controlIds: p.controlIds,
    events,
    refunds: byDate(refunds).map((r) => ({ refundNumber: r.refundNumber, amount: yuan(BigInt(r.amount)), date: r.date })),
  };
}
