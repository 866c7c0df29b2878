/**
 * `@jincai/store-sqlite`: the embedded default store on better-sqlite3.
 */
export { openSqliteStore } from "./open-sqlite-store";
export type { SqliteStoreOptions } from "./open-sqlite-store";
export { MIGRATIONS } from "./migrations";
export type { Migration } from "./migrations";
export { decodeJson, encodeJson } from "./json-codec";
