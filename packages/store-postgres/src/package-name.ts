/**
 * The npm name of this package.
 *
 * @example
 * ```ts
 * PACKAGE_NAME; // "@jincai/store-postgres"
 * ```
 */
export const PACKAGE_NAME = "@jincai/store-postgres";
