/**
 * A throwaway PostgreSQL cluster for tests, benchmarks and demos: initdb into a temporary
 * directory (as user `postgres` when running as root, since initdb refuses root), durability
 * off, a free port on 127.0.0.1; `stop()` shuts it down and removes the directory.
 */
import { execFile } from "node:child_process";
import { access, chown, mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

/**
 * A running throwaway cluster.
 *
 * @example
 * ```ts
 * const pg: ThrowawayPostgres = await startThrowawayPostgres();
 * const store = await openPostgresStore({ connectionString: pg.url });
 * await store.close();
 * await pg.stop(); // the data directory is deleted
 * ```
 */
export interface ThrowawayPostgres {
  /** Connection URL of the `postgres` database as superuser `postgres`. */
  readonly url: string;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

const run = promisify(execFile);

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Finds a PostgreSQL binary on PATH or in /usr/lib/postgresql/<version>/bin (newest first). */
async function findBinary(name: string): Promise<string> {
  const dirs = (process.env["PATH"] ?? "").split(delimiter).filter((d) => d.length > 0);
  const root = "/usr/lib/postgresql";
  const versions = (await readdir(root).catch(() => [] as string[])).sort((a, b) => Number(b) - Number(a));
  for (const dir of [...dirs, ...versions.map((v) => join(root, v, "bin"))]) {
    if (await exists(join(dir, name))) return join(dir, name);
  }
  throw new Error(
    `[jincai] PostgreSQL's ${name} was not found on PATH or in ${root}/*/bin. Install PostgreSQL ` +
      "(e.g. apt-get install postgresql) or set JINCAI_PG_URL to a server the tests may use.",
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Runs a binary, as user `postgres` when we are root (initdb and postgres refuse to run as root). */
async function runAsOwner(binary: string, args: string[]): Promise<void> {
  const asRoot = userInfo().uid === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  await run(file, argv, { timeout: 60_000 });
}

/**
 * Starts a throwaway PostgreSQL server on 127.0.0.1. Needs the server binaries (PATH or
 * /usr/lib/postgresql/<version>/bin); throws a clear error when they are missing.
 *
 * @example
 * ```ts
 * const pg = await startThrowawayPostgres();
 * const store = await openPostgresStore({ connectionString: pg.url });
 * await store.close();
 * await pg.stop();
 * ```
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const initdb = await findBinary("initdb");
  const pgCtl = await findBinary("pg_ctl");
  const dir = await mkdtemp(join(tmpdir(), "jincai-pg-"));
  if (userInfo().uid === 0) await chown(dir, ...(await postgresIds()));
  const data = join(dir, "data");
  const stop = async () => {
    await runAsOwner(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await runAsOwner(initdb, ["-D", data, "-A", "trust", "-U", "postgres", "-N", "-E", "UTF8", "--locale=C"]);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const settings = `-p ${port} -k ${dir} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
      try {
        await runAsOwner(pgCtl, ["-D", data, "-o", settings, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

async function postgresIds(): Promise<[number, number]> {
  const { stdout } = await run("id", ["-u", "postgres"]).catch(() => {
    throw new Error("[jincai] running as root, but there is no user `postgres` to own the test cluster");
  });
  const gid = (await run("id", ["-g", "postgres"])).stdout;
  return [Number(stdout.trim()), Number(gid.trim())];
}

