/**
 * `jincai.config.json`: where the database is, the fiscal year and division, and the budget
 * controls. Validated with zod; an error names the bad key (`CLI_CONFIG_INVALID`).
 */
import { readFile, writeFile } from "node:fs/promises";
import { DIMENSIONS, JincaiError, isIsoDate } from "@jincai/core";
import { z } from "zod";
import { fileError } from "./file-error";

/** The dimensions a control may match on (the fiscal year is the configuration's own). */
const CONTROL_DIMENSIONS: readonly string[] = Object.values(DIMENSIONS).filter((d) => d !== DIMENSIONS.fiscalYear);

const controlSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  /** Dimension → value; a value ending in `*` matches by prefix (e.g. economicCode "301*"). */
  match: z
    .record(z.string(), z.string().min(1).regex(/^\S(.*\S)?$/, "no spaces around the value"))
    .superRefine((match, ctx) => {
      for (const key of Object.keys(match)) {
        if (!CONTROL_DIMENSIONS.includes(key)) ctx.addIssue({ code: "custom", path: [key], message: `not a dimension: use ${CONTROL_DIMENSIONS.join(", ")}` });
      }
    }),
  /** Yuan, as text (e.g. "1200000.00"). Required for `absolute` controls. */
  limit: z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/, "an amount in yuan such as 1200000.00")
    .refine((v) => /[1-9]/.test(v), "a limit above zero (a control of 0.00 would refuse every payment it matches)"),
  policy: z.enum(["absolute", "advisory", "track"]).default("absolute"),
  thresholds: z
    .array(z.strictObject({ percent: z.number().int().min(1).max(1000), severity: z.enum(["info", "warning", "critical"]) }), {
      error: (issue) => (issue.input === undefined ? undefined : 'a list such as [{ "percent": 90, "severity": "warning" }] (severity info, warning or critical)'),
    })
    .default([
      { percent: 80, severity: "info" },
      { percent: 90, severity: "warning" },
      { percent: 100, severity: "critical" },
    ]),
  /**
   * The first day the control no longer applies (`YYYY-MM-DD`, within the fiscal year): payments
   * dated from then are not checked against it; it stays in the database with its history.
   */
  retired: z
    .string()
    .refine(isIsoDate, "a date such as 2026-07-01 (YYYY-MM-DD)")
    .optional(),
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
  controls: z
    .array(controlSchema)
    .default([])
    .superRefine((controls, ctx) => {
      controls.forEach((c, i) => {
        if (controls.findIndex((o) => o.id === c.id) < i) ctx.addIssue({ code: "custom", path: [i, "id"], message: `control id "${c.id}" is given twice` });
      });
    }),
}).superRefine((config, ctx) => {
  config.controls.forEach((c, i) => {
    if (c.retired !== undefined && isIsoDate(c.retired) && !c.retired.startsWith(`${config.fiscalYear}-`)) {
      ctx.addIssue({ code: "custom", path: ["controls", i, "retired"], message: `a date in fiscal year ${config.fiscalYear}` });
    }
  });
});

/** A validated configuration. */
export type JincaiConfig = z.output<typeof configSchema>;

/** The default config file name, looked up in the working directory. */
export const CONFIG_FILE = "jincai.config.json";

/**
 * Reads and validates a config file.
 *
 * @throws {JincaiError} CLI_CONFIG_MISSING when the file does not exist; CLI_FILE_ERROR when it is a
 *   folder or cannot be read; CLI_CONFIG_INVALID naming the bad key.
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
    if ((cause as { code?: unknown }).code !== "ENOENT") throw fileError(cause, path) ?? cause;
    throw new JincaiError("CLI_CONFIG_MISSING", `${path} not found: run \`jincai init\` first`, {
      details: { path },
      cause,
    });
  }
  return parseConfig(text, path);
}

/**
 * Validates config JSON text. A leading byte order mark (Windows Notepad saves UTF-8 with one) is
 * ignored.
 *
 * @throws {JincaiError} CLI_CONFIG_INVALID naming every bad key (`details.key` is the first), or the line and column of a JSON syntax error.
 * @example
 * ```ts
 * parseConfig('{"store":{"sqlite":"a.db"},"fiscalYear":2026,"division":"330100"}', "x.json").division; // "330100"
 * ```
 */
export function parseConfig(text: string, path: string): JincaiConfig {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") {
    throw new JincaiError("CLI_CONFIG_INVALID", `${path}: the file is empty (run jincai init, or write the settings into it)`, { details: { path } });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const at = jsonErrorPosition(text, cause);
    const where = at === undefined ? "" : ` at line ${at.line}, column ${at.column}`;
    throw new JincaiError("CLI_CONFIG_INVALID", `${path}: not valid JSON${where} (${(cause as Error).message})`, {
      details: { path, ...at },
      cause,
    });
  }
  const result = configSchema.safeParse(json);
  if (result.success) return result.data;
  // Every bad key at once, so a hand-edited file is fixed in one go; details.key is the first.
  const bad = result.error.issues.map((issue) => ({ key: issueKey(issue), message: issue.message }));
  throw new JincaiError("CLI_CONFIG_INVALID", `${path}: ${bad.map((b) => `${b.key}: ${b.message}`).join("; ")}`, {
    details: { path, key: bad[0]!.key, issues: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  });
}

/** The dotted key an issue is about (for an unknown key, the key itself). */
function issueKey(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return [...issue.path, ...issue.keys].join(".");
  return issue.path.join(".") || "(root)";
}

/** Line and column (from 1) of a JSON syntax error, from the position V8 reports. */
function jsonErrorPosition(text: string, error: unknown): { line: number; column: number } | undefined {
  const message = error instanceof Error ? error.message : "";
  const match = /at position (\d+)/.exec(message);
  // A file cut short (the closing brace lost) ends where the JSON should have gone on.
  const at = match !== null ? Number(match[1]) : /Unexpected end of JSON input/.test(message) ? text.trimEnd().length : undefined;
  if (at === undefined) return undefined;
  const before = text.slice(0, at);
  const lines = before.split("\n");
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
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
