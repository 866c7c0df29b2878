/**
 * Migration 4: accounts get a number (`accounts.num`), in the order they are created, so that a
 * ledger seal reads only the accounts created since the last one (core's
 * `StoreTx.accountsCreatedAfter`) rather than all of them (60,000 quota lines of a province).
 * The numbers are given under the `ledger_head` row lock (`last_account_num`), held to commit as
 * the transfer batches hold it for `last_sequence`: an account committed after another never has
 * a lower number, which a plain sequence would not ensure (a number drawn by a transaction that
 * commits after a seal read the higher ones). Existing accounts are numbered in id order.
 */

/**
 * The DDL of schema version 4, for the quoted schema `s`.
 *
 * @example
 * ```ts
 * await client.query(accountNumberSql('"jincai"'));
 * ```
 */
export function accountNumberSql(s: string): string {
  return `
ALTER TABLE ${s}.accounts ADD COLUMN num BIGINT;
UPDATE ${s}.accounts a SET num = n.num FROM (SELECT id, row_number() OVER (ORDER BY id) AS num FROM ${s}.accounts) n WHERE a.id = n.id;
ALTER TABLE ${s}.accounts ALTER COLUMN num SET NOT NULL;
CREATE UNIQUE INDEX accounts_num_key ON ${s}.accounts (num);
ALTER TABLE ${s}.ledger_head ADD COLUMN last_account_num BIGINT NOT NULL DEFAULT 0;
UPDATE ${s}.ledger_head SET last_account_num = (SELECT count(*) FROM ${s}.accounts);
`;
}
