/**
 * `jincai.config.json`: where the database is, the fiscal year and division, and the budget
 * controls. Validated with zod; an error names the bad key (`CLI_CONFIG_INVALID`).
 */
import { readFile, writeFile } from "node:fs/promises";
import { JincaiError } from "@jincai/core";
import { z } from "zod";

const controlSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  /** Dimension → value; a value ending in `*` matches by prefix (e.g. economicCode "301*"). */
  match: z.record(z.string(), z.string().min(1)),
  /** Yuan, as text (e.g. "1200000.00"). Required for `absolute` controls. */
  limit: z.string().regex(/^\d+(\.\d{1,2})?$/, "an amount in yuan such as 1200000.00"),
  policy: z.enum(["absolute", "advisory", "track"]).default("absolute"),
  thresholds: z
    .array(z.strictObject({ percent: z.number().int().min(1).max(1000), severity: z.enum(["info", "warning", "critical"]) }))
    .default([
      { percent: 80, severity: "info" },
      { percent: 90, severity: "warning" },
      { percent: 100, severity: "critical" },
    ]),
});

/** The zod schema of `jincai.config.json`. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  store: z.union([
    z.strictObject({ sqlite: z.string().min(1) }),
    z.strictObject({ postgres: z.string().min(1) }),
  ]),
  fiscalYear: z.number().int().min(2000).max(2100),
  division: z.string().regex(/^\d{6}$/, "a 6-digit 财政区划 code"),
  controls: z.array(controlSchema).default([]),
});

/** A validated configuration. */
export type JincaiConfig = z.output<typeof configSchema>;

/** The default config file name, looked up in the working directory. */
export const CONFIG_FILE = "jincai.config.json";

/**
 * Reads and validates a config file.
 *
 * @throws {JincaiError} CLI_CONFIG_MISSING when the file does not exist; CLI_CONFIG_INVALID naming the bad key.
 * @example
 * ```ts
 * const config = await loadConfig("jincai.config.json");
 * config.fiscalYear; // 2026
 * ```
 */
export async function loadConfig(path: string): Promise<JincaiConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new JincaiError("CLI_CONFIG_MISSING", `${path} not found: run \`jincai init\` first`, {
      details: { path },
      cause,
    });
  }
  return parseConfig(text, path);
}

/**
 * Validates config JSON text.
 *
 * @throws {JincaiError} CLI_CONFIG_INVALID with `details.key` set to the first bad key.
 * @example
 * ```ts
 * parseConfig('{"store":{"sqlite":"a.db"},"fiscalYear":2026,"division":"330100"}', "x.json").division; // "330100"
 * ```
 */
export function parseConfig(text: string, path: string): JincaiConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new JincaiError("CLI_CONFIG_INVALID", `${path}: not valid JSON`, { details: { path }, cause });
  }
  const result = configSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path.join(".") || (issue.code === "unrecognized_keys" ? issue.keys.join(",") : "(root)");
  const bad = issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys].join(".") : key;
  throw new JincaiError("CLI_CONFIG_INVALID", `${path}: ${bad}: ${issue.message}`, {
    details: { path, key: bad, issues: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  });
}

/**
 * Writes a config file (pretty JSON).
 *
 * @example
 * ```ts
 * await saveConfig("jincai.config.json", config);
 * ```
 */
export async function saveConfig(path: string, config: JincaiConfig): Promise<void> {
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`);
}
