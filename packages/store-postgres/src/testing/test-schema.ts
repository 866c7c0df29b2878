/** Fresh schema names for tests, so every store starts empty without creating a database. */
import { randomBytes } from "node:crypto";

/** Prefix of every schema the tests create (dropped at teardown on a shared server). */
export const TEST_SCHEMA_PREFIX = "jt_";

/** A schema name no other test uses. */
export function freshSchema(): string {
  return `${TEST_SCHEMA_PREFIX}${randomBytes(6).toString("hex")}`;
}
