import pg from "pg";
import { describe, expect, it } from "vitest";
import { testServerUrl } from "./test-server";

describe("the PostgreSQL test server", () => {
  it.runIf(!process.env["JINCAI_PG_URL"])("runs the suites in a database collated as a Chinese bureau's server would be, not by bytes", async () => {
    const client = new pg.Client({ connectionString: testServerUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ provider: string; locale: string }>(
        "SELECT datlocprovider AS provider, daticulocale AS locale FROM pg_database WHERE datname = current_database()",
      );
      expect(rows).toEqual([{ provider: "i", locale: "zh-CN" }]);
      // Pinyin order (北京 bei before 上海 shang) under the default collation; code points under "C".
      const { rows: order } = await client.query<{ pinyin: boolean; bytes: boolean }>(
        `SELECT ('北京' < '上海') AS pinyin, ('北京' < '上海' COLLATE "C") AS bytes`,
      );
      expect(order).toEqual([{ pinyin: true, bytes: false }]);
    } finally {
      await client.end();
    }
  });
});
