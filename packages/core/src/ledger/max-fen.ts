/**
 * The largest amount the ledger holds: amounts and each side of a balance are stored as signed
 * 64-bit integers of fen (SQLite `INTEGER`, PostgreSQL `BIGINT`), so nothing may pass 2^63 − 1
 * fen (92,233,720,368,547,758.07 yuan). `planTransfers` refuses a larger transfer
 * (`amount_too_large`) and one that would carry an account's debits or credits past it
 * (`overflows_balance`), instead of the store failing on the write.
 *
 * @example
 * ```ts
 * MAX_FEN; // 9223372036854775807n
 * ```
 */
export const MAX_FEN = 2n ** 63n - 1n;
