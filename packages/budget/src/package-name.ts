/**
 * The npm name of this package.
 *
 * @example
 * ```ts
 * PACKAGE_NAME; // "@jincai/budget"
 * ```
 */
export const PACKAGE_NAME = "@jincai/budget";
