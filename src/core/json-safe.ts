// JSON text that can be shown and re-read anywhere: same value as JSON.stringify, with the characters
// that are valid in JSON but not harmless escaped.

// DEL and C1 controls, U+FFFE/U+FFFF (not allowed raw in YAML, which our front matter is), line
// separators and bidirectional overrides (they reorder what a reader sees in a terminal or editor).
const INVISIBLE = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

/** Returns JSON.stringify(value, null, indent) with invisible and reordering characters as \u escapes; the parsed value is the same. */
export function stringifyJsonSafe(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Characters JSON.stringify escapes in a string (quote, backslash, controls, lone surrogates) or
// that INVISIBLE escapes: a string without any is written as it is, between quotes.
const NEEDS_ESCAPE = /["\\\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Returns stringifyJsonSafe(text) for a string, without the general machinery when nothing needs escaping. */
export function quoteJsonSafe(text: string): string {
  return NEEDS_ESCAPE.test(text) ? stringifyJsonSafe(text) : `"${text}"`;
}
