/**
 * A stored credential's name: what `http.request`'s and the `stripe.*` actions' `credential`
 * field refers to (the credentials store checks names against the same pattern).
 *
 * @example
 * new RegExp(CREDENTIAL_NAME_PATTERN).test('shop-stripe'); // true
 */
export const CREDENTIAL_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';
