/**
 * Transfers: the only way an amount moves. Two-phase like TigerBeetle: a `pending` transfer
 * reserves (and already counts against limits), a `post` transfer posts it (fully or partly,
 * the rest released), a `void` transfer releases it. Transfers are immutable; corrections are
 * new transfers that reference what they correct.
 */

/**
 * The phase of a transfer:
 * - `posted`: a single-phase transfer, posted at once;
 * - `pending`: reserves the amount (optionally until `expiresOn`);
 * - `post`: posts the pending transfer `pendingId` (full amount, or a smaller one releasing the rest);
 * - `void`: releases the pending transfer `pendingId`.
 *
 * @example
 * ```ts
 * const phase: TransferPhase = "void"; // releases the pending transfer it names
 * await store.createTransfers([{ id: "pay:ZF2026-000123.void", phase, pendingId: "pay:ZF2026-000123", date: "2026-03-06" }]);
 * ```
 */
export type TransferPhase = "posted" | "pending" | "post" | "void";

/**
 * Where a transfer came from and what it corrects.
 *
 * @example
 * ```ts
 * const references: TransferReferences = {
 *   voucher: "ZF2026-000123", sourceFile: "payments-2026-03.csv", sourceLine: 17, documentId: "ZF2026-000123",
 * };
 * const refund: TransferReferences = { voucher: "TP-01", corrects: "pay:ZF2026-000123" };
 * ```
 */
export interface TransferReferences {
  /** Voucher or document number (凭证号 / 支付单号). */
  readonly voucher?: string;
  /** Source file of an import. */
  readonly sourceFile?: string;
  /** 1-based line in the source file. */
  readonly sourceLine?: number;
  /** Id of the domain document (payment request, quota line, …) in the record store. */
  readonly documentId?: string;
  /** Id of the transfer this one corrects (a refund, a reversal). */
  readonly corrects?: string;
  /** Free text. */
  readonly memo?: string;
}

/**
 * What a caller supplies to create a transfer.
 *
 * @example
 * ```ts
 * const reserve: TransferInput = {
 *   id: "pay:ZF2026-000123", phase: "pending", debitAccountId: "quota:Q-2026-001", creditAccountId: "quota-spent:Q-2026-001",
 *   amount: 1_500_000n, date: "2026-03-02", references: { voucher: "ZF2026-000123" },
 * };
 * const post: TransferInput = { id: "pay:ZF2026-000123.post", phase: "post", pendingId: "pay:ZF2026-000123", date: "2026-03-05" };
 * ```
 */
export interface TransferInput {
  /** Client-supplied id: the same id twice is a no-op, the same id with other fields a conflict. */
  readonly id: string;
  /** Defaults to `posted`. */
  readonly phase?: TransferPhase;
  /** Required for `posted` and `pending`; for `post`/`void` taken from the pending transfer (must match if given). */
  readonly debitAccountId?: string;
  /** The account credited; same rules as `debitAccountId`. */
  readonly creditAccountId?: string;
  /** Fen, > 0 for `posted`/`pending`. For `post`: at most the pending amount; omitted means all of it. Ignored for `void`. */
  readonly amount?: bigint;
  /** Ledger date `YYYY-MM-DD`; the period lock is checked on it. */
  readonly date: string;
  /** For `post` and `void`: the pending transfer's id. */
  readonly pendingId?: string;
  /** For `pending`: last date on which it may still be posted. */
  readonly expiresOn?: string;
  /** Voucher, source file and line, document id, and what the transfer corrects. */
  readonly references?: TransferReferences;
}

/**
 * A stored transfer.
 *
 * @example
 * ```ts
 * const transfer: Transfer | undefined = await store.getTransfer("pay:ZF2026-000123");
 * // { id: "pay:ZF2026-000123", phase: "pending", debitAccountId: "quota:Q-2026-001", creditAccountId: "quota-spent:Q-2026-001",
 * //   amount: 1500000n, date: "2026-03-02", references: { voucher: "ZF2026-000123", memo: "…" }, sequence: 42 }
 * ```
 */
export interface Transfer {
  /** Client-supplied id, unique across the ledger. */
  readonly id: string;
  /** How the transfer moves the amount: posted, pending, post or void. */
  readonly phase: TransferPhase;
  /** The account debited (for `post`/`void`, the pending transfer's). */
  readonly debitAccountId: string;
  /** The account credited (for `post`/`void`, the pending transfer's). */
  readonly creditAccountId: string;
  /** Fen. For `void`, the amount released; for `post`, the amount posted. */
  readonly amount: bigint;
  /** Ledger date, ISO `YYYY-MM-DD`; balances `asOf` and period locks use it. */
  readonly date: string;
  /** For `post` and `void`: the id of the pending transfer resolved. */
  readonly pendingId?: string;
  /** For `pending`: last date (ISO `YYYY-MM-DD`) on which it may still be posted. */
  readonly expiresOn?: string;
  /** Voucher, source file and line, document id, and what the transfer corrects; `{}` when none. */
  readonly references: TransferReferences;
  /** Store-assigned, strictly increasing order of application (1-based). */
  readonly sequence: number;
}

/**
 * The result code of one transfer of a batch, in descending precedence where several apply.
 *
 * @example
 * ```ts
 * const { results } = await store.createTransfers(batch);
 * const refused: CreateTransferStatus[] = results.map((r) => r.status).filter((s) => s !== "ok" && s !== "exists");
 * // ["exceeds_limit", "batch_failed"]: the first refusal, and the others of an atomic batch
 * ```
 */
export type CreateTransferStatus =
  | "ok"
  | "exists"
  | "exists_with_different_fields"
  | "id_must_not_be_empty"
  | "id_has_spaces_or_controls"
  | "invalid_date"
  | "references_not_storable"
  | "amount_must_be_positive"
  | "amount_too_large"
  | "accounts_must_be_different"
  | "pending_id_required"
  | "pending_id_must_be_empty"
  | "account_not_found"
  | "book_mismatch"
  | "account_closed"
  | "period_closed"
  | "pending_id_has_spaces_or_controls"
  | "pending_not_found"
  | "pending_is_not_pending"
  | "pending_fields_differ"
  | "pending_already_posted"
  | "pending_already_voided"
  | "pending_expired"
  | "dated_before_pending"
  | "post_amount_exceeds_pending"
  | "exceeds_limit"
  | "overflows_balance"
  | "batch_failed";

/**
 * The result of one transfer of a batch. `exists` means it was already there and nothing changed.
 *
 * @example
 * ```ts
 * const { results } = await store.createTransfers([reservation]);
 * const result: CreateTransferResult = results[0]!;
 * // { index: 0, id: "pay:ZF2026-000123", status: "exceeds_limit", accountId: "quota:Q-2026-001", shortfall: 300000n }
 * ```
 */
export interface CreateTransferResult {
  /** 0-based position of the transfer in the batch. */
  readonly index: number;
  /** The transfer's id, as supplied. */
  readonly id: string;
  /** What happened to this transfer: `ok`, `exists` or why it was rejected. */
  readonly status: CreateTransferStatus;
  /** For `exceeds_limit` and `overflows_balance`: the account whose limit or bound would be passed. */
  readonly accountId?: string;
  /** For `exceeds_limit`: by how much the limit would be passed, in fen. */
  readonly shortfall?: bigint;
}

/**
 * The outcome of a batch: it applied (every item `ok` or `exists`) or nothing of it did.
 *
 * @example
 * ```ts
 * const batch: TransferBatchResult = await store.createTransfers(plan.transfers);
 * if (!batch.applied) console.error(batch.results.find((r) => r.status !== "ok" && r.status !== "batch_failed"));
 * ```
 */
export interface TransferBatchResult {
  /** Whether the batch was written; in `partial` mode, true even when some items were skipped. */
  readonly applied: boolean;
  /** One result per input transfer, in input order. */
  readonly results: readonly CreateTransferResult[];
}
