/**
 * Who the audit chain records for a command run from the shell: `cli:<login name>`.
 */
import { userInfo } from "node:os";

/**
 * The audit actor of this process.
 *
 * @example
 * ```ts
 * cliActor(); // "cli:zhang"
 * ```
 */
export function cliActor(): string {
  return `cli:${userInfo().username}`;
}
