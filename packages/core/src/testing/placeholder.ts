/** Replaced by the store conformance suite. */
export const PLACEHOLDER_TESTING = true;
