export { openPostgresStore } from "./open-postgres-store";
export type { PostgresStoreOptions } from "./open-postgres-store";
export { POSTGRES_SCHEMA_VERSION } from "./migrations";
export { decodeTaggedJson, encodeTaggedJson } from "./tagged-json";
export { startThrowawayPostgres } from "./throwaway-postgres";
export type { ThrowawayPostgres } from "./throwaway-postgres";
