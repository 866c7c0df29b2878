/**
 * The npm name of this package.
 *
 * @example
 * ```ts
 * PACKAGE_NAME; // "@jincai/oa"
 * ```
 */
export const PACKAGE_NAME = "@jincai/oa";
