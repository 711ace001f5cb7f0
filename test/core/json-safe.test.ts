// quoteJsonSafe is a fast path of stringifyJsonSafe for strings: the two must agree on every string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteJsonSafe, stringifyJsonSafe } from '../../src/core/json-safe.js';

describe('quoteJsonSafe', () => {
  it('gives what stringifyJsonSafe gives, for any string', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ maxLength: 20 }), fc.constantFrom('"', '\\', '\u2028', '\u202e', '\ud800', '🤖', '\u0085', '\uffff'));
    fc.assert(
      fc.property(text, (t) => {
        expect(quoteJsonSafe(t)).toBe(stringifyJsonSafe(t));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('escapes what a terminal or YAML reader must not see raw', () => {
    expect(quoteJsonSafe('a\u202eb')).toBe('"a\\u202eb"');
    expect(quoteJsonSafe('plain text, "quoted"')).toBe('"plain text, \\"quoted\\""');
    expect(quoteJsonSafe('données')).toBe('"données"');
  });
});
