/**
 * What a control takes over when it is defined after its lines have been spent on (a 三公经费 cap
 * decided in June). Each reservation still outstanding on a matching line gets the legs on the
 * control it would have had, had the control existed when it was made: a pending leg
 * `<reservation>~<control>` for a pending reservation; for a consumed one the same leg, for the
 * amount paid, posted (`….post`, or posted at once for an immediate reservation), less a restoring leg for each
 * refund made before (`<refund>~<control>`, correcting it). So the control starts from exactly
 * what its matched reservations have used, and a later payment, release or refund of one of them
 * moves the control like its line (the reservation's owner must list the control among its
 * `controlIds`: treasury finds these legs when it reads a payment). A leg is dated as the
 * transfer it mirrors, or on the first day after it that no closed period covers, so that a later
 * release, dated on or after the reservation, is never dated before its leg. It does not look at
 * reservations already voided, nor at other transfers of the lines (loads, adjustments, freezes).
 */
import { firstOpenDay } from "@jincai/core";
import type { Dimensions, StoreTx, Transfer, TransferInput } from "@jincai/core";
import { findQuotas } from "./find-quotas";
import { QUOTA_BOOK, controlAccountIds, quotaAccountIds } from "./quota-account-ids";
import { matchControl } from "./quota-control";
import type { QuotaControl } from "./quota-control";
import { quotaDimensions } from "./quota-dimensions";
import { controlTransferId } from "./reserve-quota";

/**
 * The refined economic code a reservation transfer was made under, when its owner recorded one.
 *
 * @example
 * ```ts
 * const refined = new Map([["pay:ZF2026-000123", "30201"]]);
 * const economicCodeOf: EconomicCodeOf = (reservation) => refined.get(reservation.id);
 * await defineQuotaControl(store, control, { economicCodeOf });
 * ```
 */
export type EconomicCodeOf = (reservation: Transfer) => string | undefined;

/** What a new control takes over. */
export interface ControlOpening {
  /** Reserved plus consumed (less refunds) by the reservations taken over, in fen. */
  readonly used: bigint;
  /** The quota lines the control may apply to. */
  readonly quotaIds: readonly string[];
  /** The reservations taken over (given legs on the control). */
  readonly reservations: number;
  /**
   * The legs, in the order to apply them: the refunds' first, then each reservation's, so that an
   * absolute limit its net use fits is not passed on the way by a gross amount refunded since. A
   * reservation paid in part has its pending leg for what was paid (its post posts all of it), so
   * the control's use only rises, leg by leg, to `used`: when `used` fits the limit, every leg does.
   */
  readonly legs: readonly TransferInput[];
}

/**
 * The legs a control defined now takes over from the outstanding reservations of its lines.
 *
 * A line counts when a payment on it could match (a matcher agrees with the line's value, the
 * line is coarser than the matcher, or it lacks the dimension); each reservation on it then
 * counts when its own dimensions (the line's, with the refined economic code `economicCodeOf`
 * gives) match, or lack a dimension the control needs (counted, as it would have been refused),
 * and are dated before `control.retired` when it is given (a control configured as retired).
 *
 * @param economicCodeOf - The refined economic code of a reservation (treasury:
 *   `paymentEconomicCode`); without it, a reservation has its line's code.
 * @example
 * ```ts
 * await controlOpening(tx, control, "2026-06-01"); // { used: 1_410_000n, quotaIds: ["ZB1"], reservations: 3, legs: [...] }
 * ```
 */
export async function controlOpening(tx: StoreTx, control: QuotaControl, economicCodeOf?: EconomicCodeOf): Promise<ControlOpening> {
  const lines = (await findQuotas(tx)).filter((line) => mayApply(control, quotaDimensions(line)));
  const quotaIds = lines.map((line) => line.id);
  if (lines.length === 0) return { used: 0n, quotaIds, reservations: 0, legs: [] };
  const locks = await tx.periodLocks();
  const ids = controlAccountIds(control.id);
  const open = (date: string): string => firstOpenDay(locks, date, `${date.slice(0, 4)}-12-31`, QUOTA_BOOK) ?? date;
  const legs: TransferInput[] = [];
  const refunds: TransferInput[] = [];
  let used = 0n;
  let reservations = 0;
  for (const line of lines) {
    const dims = quotaDimensions(line);
    for (const r of await lineReservations(tx, quotaAccountIds(line.id))) {
      // A control defined as retired never counted what was reserved from its retirement on.
      if (control.retired !== undefined && r.reservation.date >= control.retired) continue;
      const refined = economicCodeOf?.(r.reservation);
      if (matchControl(control, refined === undefined ? dims : { ...dims, economicCode: refined }) === false) continue;
      const taken = mirror(r, control.id, ids, open);
      if (taken.legs.length === 0) continue;
      reservations += 1;
      used += taken.used;
      for (const leg of taken.legs) (leg.debitAccountId === ids.spent ? refunds : legs).push(leg);
    }
  }
  return { used, quotaIds, reservations, legs: [...refunds, ...legs] };
}

/** A reservation on a line, with how it was resolved and refunded. */
interface LineReservation {
  readonly reservation: Transfer;
  readonly resolution?: Transfer;
  readonly refunds: readonly Transfer[];
}

/** The reservations on a line (line → spent, pending or posted at once), with their resolutions and refunds. */
async function lineReservations(tx: StoreTx, line: ReturnType<typeof quotaAccountIds>): Promise<LineReservation[]> {
  const reservations = new Map<string, { reservation: Transfer; resolution?: Transfer; refunds: Transfer[] }>();
  const resolutions: Transfer[] = [];
  const refunds: Transfer[] = [];
  for await (const t of tx.transfers({ accountId: line.line, book: QUOTA_BOOK })) {
    if (t.debitAccountId === line.line && t.creditAccountId === line.spent) {
      if (t.phase === "pending" || t.phase === "posted") reservations.set(t.id, { reservation: t, refunds: [] });
      else resolutions.push(t);
    } else if (t.debitAccountId === line.spent && t.creditAccountId === line.line && t.phase === "posted" && t.references.corrects !== undefined) {
      refunds.push(t);
    }
  }
  for (const t of resolutions) {
    const r = reservations.get(t.pendingId ?? "");
    if (r !== undefined) r.resolution = t;
  }
  for (const t of refunds) {
    const corrects = t.references.corrects!;
    const r = reservations.get(corrects) ?? reservations.get(corrects.endsWith(".post") ? corrects.slice(0, -".post".length) : "");
    if (r !== undefined) r.refunds.push(t);
  }
  return [...reservations.values()];
}

/** The legs that give a control a reservation's history, and what it has used of it now. */
function mirror(
  r: LineReservation,
  controlId: string,
  ids: ReturnType<typeof controlAccountIds>,
  open: (date: string) => string,
): { readonly used: bigint; readonly legs: TransferInput[] } {
  const { reservation: t, resolution } = r;
  if (resolution?.phase === "void") return { used: 0n, legs: [] };
  const legId = controlTransferId(t.id, controlId);
  // A reservation paid in part (posted for less) holds on the control only what it paid: its
  // leg is pending for that amount, not the gross, so a nearly full absolute limit is not passed
  // on the way by what the post released. Only an outstanding reservation holds its gross.
  const held = resolution === undefined ? t.amount : resolution.amount;
  const leg: TransferInput = {
    id: legId, phase: t.phase, debitAccountId: ids.control, creditAccountId: ids.spent, amount: held, date: open(t.date), references: t.references,
    ...(t.phase === "pending" && resolution === undefined && t.expiresOn !== undefined ? { expiresOn: t.expiresOn } : {}),
  };
  const legs: TransferInput[] = [leg];
  if (t.phase === "pending" && resolution === undefined) return { used: t.amount, legs };
  let consumed = t.amount;
  if (resolution !== undefined) {
    consumed = resolution.amount;
    legs.push({ id: `${legId}.post`, phase: "post", pendingId: legId, amount: resolution.amount, date: open(resolution.date), references: resolution.references });
  }
  for (const f of r.refunds) {
    consumed -= f.amount;
    const corrects = f.references.corrects === `${t.id}.post` ? `${legId}.post` : legId;
    legs.push({
      id: controlTransferId(f.id, controlId), phase: "posted", debitAccountId: ids.spent, creditAccountId: ids.control, amount: f.amount,
      date: open(f.date), references: { ...f.references, corrects },
    });
  }
  // Fully refunded: nothing outstanding, nothing to take over.
  return consumed > 0n ? { used: consumed, legs } : { used: 0n, legs: [] };
}

function mayApply(control: QuotaControl, dims: Dimensions): boolean {
  return control.match.every((m) => {
    const v = dims[m.dimension];
    if (v === undefined || v === "") return true;
    if (m.value.startsWith(v)) return true;
    return m.prefix === true ? v.startsWith(m.value) : v === m.value;
  });
}
