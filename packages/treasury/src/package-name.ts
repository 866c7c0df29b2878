/**
 * The npm name of this package.
 *
 * @example
 * ```ts
 * PACKAGE_NAME; // "@jincai/treasury"
 * ```
 */
export const PACKAGE_NAME = "@jincai/treasury";
