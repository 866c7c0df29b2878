/**
 * The npm name of this package.
 *
 * @example
 * ```ts
 * PACKAGE_NAME; // "@jincai/cli"
 * ```
 */
export const PACKAGE_NAME = "@jincai/cli";
