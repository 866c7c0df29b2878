/**
 * The npm name of this package.
 *
 * @example
 * ```ts
 * PACKAGE_NAME; // "@jincai/payroll"
 * ```
 */
export const PACKAGE_NAME = "@jincai/payroll";
