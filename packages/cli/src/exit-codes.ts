/**
 * Exit statuses of `jincai`: 0 ok, 1 rule failures (verify found problems), 2 usage or input errors.
 *
 * @example
 * ```ts
 * const status = await runCli(["node", "jincai", "verify"], context);
 * if (status === EXIT.rules) console.error("verify found problems");
 * else if (status === EXIT.usage) console.error("bad usage or unreadable input");
 * ```
 */
export const EXIT = {
  /** Everything went as asked. */
  ok: 0,
  /** A rule check failed (e.g. `jincai verify` found problems, an import rejected rows). */
  rules: 1,
  /** Bad usage, bad configuration or unreadable input. */
  usage: 2,
} as const;
