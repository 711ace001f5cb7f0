// quoteJsonSafe is a fast path of stringifyJsonSafe for strings: the two must agree on every string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteJsonSafe, stringifyJsonSafe, stringifyJsonSafePieces } from '../../src/core/json-safe.js';

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

describe('stringifyJsonSafePieces', () => {
  const joined = (value: unknown) => [...stringifyJsonSafePieces(value)].join('');
  const odd = fc.oneof(fc.constant(undefined), fc.constant(() => 1), fc.constant(Number.NaN), fc.constant(new Date(0)), fc.constant('\u2028\u202e'), fc.constant({}), fc.constant([]));
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), odd, fc.array(tie('node'), { maxLength: 90 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 6 })),
  }));
  // A report is an object or an array (stringifyJsonSafe itself throws on a lone undefined or function).
  const value = fc.oneof(fc.array(tree.node, { maxLength: 90 }), fc.dictionary(fc.string(), tree.node, { maxKeys: 6 }));

  it('writes what stringifyJsonSafe(value, 2) writes, for any value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(joined(v)).toBe(stringifyJsonSafe(v, 2));
      }),
      { numRuns: 2000, seed: 12 },
    );
  });
  it('writes holes of a sparse array as null, as JSON.stringify does', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [{ a: [1] }, , { b: 2 }];
    expect(joined(sparse)).toBe(stringifyJsonSafe(sparse, 2));
  });
  it('hands a large report out in pieces of 64 KB or a little more, never as one string', () => {
    const documents = Array.from({ length: 20000 }, (_, i) => ({ id: `doc-${i}`, contentHash: `sha256:${String(i).padStart(64, '0')}` }));
    const report = { by: 'level', coverage: [{ theme: 'data', cells: [{ group: 'eu', documents: documents.map((d) => d.id) }] }], manifest: { tool: 'aipolicy', documents } };
    const pieces = [...stringifyJsonSafePieces(report)];
    expect(pieces.join('')).toBe(stringifyJsonSafe(report, 2));
    expect(pieces.length).toBeGreaterThan(20);
    // 64 KB, and at most one slice of 512 items more.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200_000);
  });
});
