// A PostgreSQL server for a benchmark: JINCAI_PG_URL when given, else a throwaway cluster.
import { startThrowawayPostgres } from "@jincai/store-postgres";

export async function startTestPostgres() {
  const given = process.env.JINCAI_PG_URL;
  if (given) return { url: given, stop: async () => {} };
  return startThrowawayPostgres();
}
