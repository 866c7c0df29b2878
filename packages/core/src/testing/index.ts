/**
 * `@jincai/core/testing`: the store conformance suite, run unchanged against every backend.
 */
export { PLACEHOLDER_TESTING } from "./placeholder";
