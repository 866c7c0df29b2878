/**
 * Verifying the ledger's seals (see `seal-ledger`): every seal recomputed over the transfers as
 * stored now, every account and document each seal recorded checked against the store.
 */
import type { StoreTx, TransferSealPage } from "../store/store";
import type { AuditHasher } from "./audit-hasher";
import { sha256Hasher } from "./audit-hasher";
import { createSealDigest, type SealMark } from "./_seal-digest";
import { isNumbered } from "./seal-accounts";
import { LEDGER_SEAL_COLLECTION, keptRecord, sealOf } from "./seal-ledger";
import type { KeptSeal, LedgerSeal } from "./seal-ledger";
import type { RecordSealSummary, SealedRecords } from "./seal-records";
import { verifySealedRecords } from "./seal-records";
import { sealLineId } from "./transfer-seal-line";
import type { SealedAccountsAt } from "./verify-sealed-accounts";
import { verifySealedAccounts } from "./verify-sealed-accounts";

/**
 * A seal that no longer agrees with the transfers, accounts or documents it covers.
 *
 * @example
 * ```ts
 * const { problems } = await verifyLedgerSeals(store);
 * const problem: SealProblem | undefined = problems[0];
 * // { code: "AUDIT_SEAL_MISMATCH", sequence: 7, message: "the transfers 1..3000 sealed at event 7 have changed: …" }
 * ```
 */
export interface SealProblem {
  /**
   * `AUDIT_SEAL_MISMATCH` (its transfers changed, or its kept record was edited),
   * `AUDIT_ACCOUNT_MISMATCH` (an account it first recorded changed or is missing) or
   * `AUDIT_RECORD_MISMATCH` (a document it last recorded changed, is missing or went back to an
   * older version).
   */
  readonly code: "AUDIT_SEAL_MISMATCH" | "AUDIT_ACCOUNT_MISMATCH" | "AUDIT_RECORD_MISMATCH";
  /** The audit event of the seal. */
  readonly sequence: number;
  /** What differs. */
  readonly message: string;
}

/**
 * The outcome of {@link verifyLedgerSeals}.
 *
 * @example
 * ```ts
 * const report: SealReport = await verifyLedgerSeals(store);
 * report.problems.length === 0; // true when nothing sealed has changed
 * report.unsealed; // transfers written since the last seal
 * ```
 */
export interface SealReport {
  /** How many seals were checked. */
  readonly seals: number;
  /** The last sequence sealed (0 when none). */
  readonly sealedTo: number;
  /** Transfers written after the last seal, which no seal covers yet. */
  readonly unsealed: number;
  /** Seals whose transfers, accounts or documents changed, in chain order. */
  readonly problems: readonly SealProblem[];
  /** Seals that recorded no accounts (made by versions before accounts were sealed): not checked for them. */
  readonly withoutAccounts: number;
  /**
   * Seals that recorded no documents (made by versions before documents were sealed, or without
   * `collections`): a document edited before the first seal that records it is not covered.
   */
  readonly withoutRecords: number;
  /** The documents the seals record (see `seal-records`); `firstEvent` is the first seal that recorded any. */
  readonly records: RecordSealSummary;
}

/**
 * Recomputes every seal of the audit chain over the transfers as they are stored now; checks
 * every account each seal first recorded, and each seal's account digest, against the accounts
 * as stored now, with their store numbers (one read of them, see `verify-sealed-accounts`); and
 * every document each seal last recorded against the documents as stored now (one read of each
 * sealed collection). Seals made before accounts or
 * documents were sealed are skipped for them, and counted (`withoutAccounts`,
 * `records.firstEvent`). A kept record edited behind the store's back is reported, not believed.
 *
 * @example
 * ```ts
 * const report = await verifyLedgerSeals(store);
 * report.problems[0]?.message; // "the transfers 1..3000 sealed at event 7 have changed: 3000 now, digest sha-256:9f…; sealed 3000, sha-256:4c…"
 * ```
 */
export async function verifyLedgerSeals(
  store: Pick<StoreTx, "transferSealLines" | "auditEvents" | "getRecord" | "accountsCreatedAfter" | "queryRecords">,
  options: { readonly hasher?: AuditHasher } = {},
): Promise<SealReport> {
  const hasher = options.hasher ?? sha256Hasher;
  const seals: (LedgerSeal & { readonly event: number; readonly marks: readonly SealMark[] })[] = [];
  const problems: SealProblem[] = [];
  const accountSeals: SealedAccountsAt[] = [];
  // What the next seal's account digest follows (see SealedAccountsAt.chainsFrom).
  let chainsFrom: string | null = "";
  const recordSeals: { readonly event: number; readonly records: SealedRecords }[] = [];
  for await (const event of store.auditEvents()) {
    const seal = sealOf(event);
    if (seal === undefined) continue;
    const kept = await keptRecord(store, event, hasher);
    if (kept === null) {
      problems.push({
        code: "AUDIT_SEAL_MISMATCH",
        sequence: event.sequence,
        message: `the record kept for the seal at event ${event.sequence} (${LEDGER_SEAL_COLLECTION} ${event.sequence}) no longer gives the event's digest: it was edited behind the store's back, and its chunk marks and accounts are not believed`,
      });
    }
    seals.push({ ...seal, event: event.sequence, marks: keptMarksOf(kept) });
    if (kept?.accounts !== undefined) accountSeals.push({ event: event.sequence, accounts: kept.accounts, chainsFrom });
    chainsFrom = kept === null ? null : isNumbered(kept?.accounts) ? kept.accounts.digest : "";
    if (kept?.records !== undefined) recordSeals.push({ event: event.sequence, records: kept.records });
  }
  // Every stored transfer, a made-up sequence at or below 0 included (the stores start at 1).
  const lines = pageCursor(store.transferSealLines(Number.MIN_SAFE_INTEGER));
  for (const seal of seals) {
    const digest = createSealDigest(hasher);
    while (await lines.ready()) {
      const { sequences, lines: page } = lines.page!;
      let i = lines.at;
      // Seals follow one another (each starts where the last ended), so a transfer before a
      // seal's range is one no seal covers: written behind the store's back with a made-up sequence.
      for (; i < sequences.length && sequences[i]! <= seal.after; i++) {
        problems.push({
          code: "AUDIT_SEAL_MISMATCH",
          sequence: seal.event,
          message: `transfer ${sealLineId(page[i]!)} (sequence ${sequences[i]}) lies before the transfers ${seal.after + 1}..${seal.to} sealed at event ${seal.event}, where no seal covers it: it was written behind the store's back`,
        });
      }
      for (; i < sequences.length && sequences[i]! <= seal.to; i++) {
        const hashing = digest.add(sequences[i]!, page[i]!);
        if (hashing !== undefined) await hashing;
      }
      lines.at = i;
      if (i < sequences.length) break;
    }
    const now = await digest.finish();
    if (now !== seal.digest || digest.count() !== seal.count) {
      problems.push({
        code: "AUDIT_SEAL_MISMATCH",
        sequence: seal.event,
        message: `the transfers ${seal.after + 1}..${seal.to} sealed at event ${seal.event} have changed${firstChangedChunk(seal, digest.marks())}: ${digest.count()} now, digest ${now}; sealed ${seal.count}, ${seal.digest}`,
      });
    }
  }
  const records = await coveredProblems(store, accountSeals, recordSeals, hasher);
  problems.push(...records.problems);
  problems.sort((a, b) => a.sequence - b.sequence);
  let unsealed = 0;
  while (await lines.ready()) {
    unsealed += lines.page!.sequences.length - lines.at;
    lines.at = lines.page!.sequences.length;
  }
  return { seals: seals.length, sealedTo: seals.at(-1)?.to ?? 0, unsealed, problems, withoutAccounts: seals.length - accountSeals.length, withoutRecords: seals.length - recordSeals.length, records: records.summary };
}

/** The findings of every seal's accounts and documents (one read of the accounts and of each collection). */
async function coveredProblems(
  store: Pick<StoreTx, "accountsCreatedAfter" | "queryRecords">,
  accountSeals: readonly SealedAccountsAt[],
  recordSeals: readonly { readonly event: number; readonly records: SealedRecords }[],
  hasher: AuditHasher,
): Promise<{ readonly problems: SealProblem[]; readonly summary: RecordSealSummary }> {
  const problems: SealProblem[] = (await verifySealedAccounts(store, accountSeals, hasher)).map((f) => ({
    code: "AUDIT_ACCOUNT_MISMATCH",
    sequence: f.event,
    message: `the ${f.count} accounts sealed at event ${f.event} have changed${f.detail}: an account's book, code, name, side, flags or dimensions (its agency) were edited, or it was deleted, behind the store's back`,
  }));
  const records = await verifySealedRecords(store, recordSeals, hasher);
  for (const f of records.findings) {
    problems.push({
      code: "AUDIT_RECORD_MISMATCH",
      sequence: f.event,
      message: `the ${f.collection} documents sealed at event ${f.event} have changed${f.detail}: a document was edited (its version kept or lowered) or deleted behind the store's back`,
    });
  }
  return { problems, summary: records.summary };
}

/** Where a reader is in a stream of seal-line pages: `ready()` moves to a page with lines left at `at`. */
interface PageCursor {
  page: TransferSealPage | undefined;
  at: number;
  ready(): Promise<boolean>;
}

function pageCursor(pages: AsyncIterable<TransferSealPage>): PageCursor {
  const it = pages[Symbol.asyncIterator]();
  const cursor: PageCursor = {
    page: undefined,
    at: 0,
    async ready() {
      while (cursor.page === undefined || cursor.at >= cursor.page.sequences.length) {
        const next = await it.next();
        if (next.done === true) return false;
        cursor.page = next.value;
        cursor.at = 0;
      }
      return true;
    },
  };
  return cursor;
}

/** The chunk marks of a believed kept record (none without one). */
function keptMarksOf(kept: KeptSeal | null | undefined): readonly SealMark[] {
  if (kept == null || !Array.isArray(kept.marks)) return [];
  return kept.marks.filter((m): m is SealMark => typeof m?.to === "number" && typeof m?.digest === "string");
}

/**
 * Where a changed seal first differs, from the chain's value after each chunk: `, first among
 * transfers 40001..50000` (the chunk whose value no longer agrees; the chunks before it are as
 * sealed). Empty when the seal kept no marks or they all agree.
 */
function firstChangedChunk(seal: LedgerSeal & { readonly marks: readonly SealMark[] }, now: readonly SealMark[]): string {
  for (let i = 0; i < seal.marks.length; i++) {
    const sealed = seal.marks[i]!;
    if (now[i]?.digest === sealed.digest) continue;
    const from = i === 0 ? seal.after + 1 : seal.marks[i - 1]!.to + 1;
    return `, first among transfers ${from}..${sealed.to}`;
  }
  return "";
}
