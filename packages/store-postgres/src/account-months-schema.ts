/**
 * Migration 2: `account_months`, each account's balance change per calendar month (`YYYY-MM`),
 * kept by every transfer batch in the same statement as its transfers. A balance as of a date
 * adds the account's whole months before the date's month and folds only the transfers of that
 * month. Existing transfers are summed in once here, with the effects of core's `foldBalances`:
 * `posted` posts, `pending` reserves, `post` releases its pending transfer's whole amount and
 * posts its own, `void` releases its own amount (the pending amount). Fields may be negative
 * (a month that resolves an earlier month's reservation).
 */

/**
 * The DDL (and backfill) of schema version 2, for the quoted schema `s`.
 *
 * @example
 * ```ts
 * await client.query(accountMonthsSchemaSql('"jincai"'));
 * ```
 */
export function accountMonthsSchemaSql(s: string): string {
  return `
CREATE TABLE ${s}.account_months (
  account_id      TEXT COLLATE "C" NOT NULL REFERENCES ${s}.accounts (id),
  month           TEXT COLLATE "C" NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
  debits_posted   BIGINT NOT NULL,
  credits_posted  BIGINT NOT NULL,
  debits_pending  BIGINT NOT NULL,
  credits_pending BIGINT NOT NULL,
  PRIMARY KEY (account_id, month)
);
WITH effects AS (
  SELECT t.debit_account_id AS debit, t.credit_account_id AS credit, to_char(t.date, 'YYYY-MM') AS month,
         CASE WHEN t.phase IN ('posted', 'post') THEN t.amount ELSE 0 END AS posted,
         CASE t.phase WHEN 'pending' THEN t.amount
                      WHEN 'void' THEN -t.amount
                      WHEN 'post' THEN -COALESCE(p.amount, 0)
                      ELSE 0 END AS pending
  FROM ${s}.transfers t
  LEFT JOIN ${s}.transfers p ON t.phase = 'post' AND p.id = t.pending_id
), sides AS (
  SELECT debit AS id, month, posted AS dp, 0::bigint AS cp, pending AS dpe, 0::bigint AS cpe FROM effects
  UNION ALL
  SELECT credit, month, 0, posted, 0, pending FROM effects
)
INSERT INTO ${s}.account_months (account_id, month, debits_posted, credits_posted, debits_pending, credits_pending)
SELECT id, month, sum(dp)::bigint, sum(cp)::bigint, sum(dpe)::bigint, sum(cpe)::bigint
FROM sides GROUP BY id, month;
`;
}
