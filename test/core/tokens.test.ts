// The tokenizer is a hand-written scanner (for speed); a plain regular expression over the same
// classes is its specification. Both must give the same tokens for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../src/core/stem.js';
import { tokenize, tokensBetween, type Token } from '../../src/core/tokens.js';

/** The specification: words are runs of \p{L}\p{N}, cut at 64 code units; one hyphen between two words joins them. */
function reference(text: string): Token[] {
  const tokens: Token[] = [];
  let group = 0;
  for (const word of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = word.index;
    const previous = tokens[tokens.length - 1];
    const joined = previous !== undefined && start === previous.end + 1 && ['-', '‐', '‑'].includes(text[previous.end]!);
    if (!joined) group = tokens.length;
    const surface = word[0].slice(0, 64);
    const lower = surface.toLowerCase();
    tokens.push({ surface, lower, folded: foldDiacritics(lower), start, end: start + word[0].length, group, groupSize: 1 });
    if (joined) for (let i = group; i < tokens.length; i++) tokens[i]!.groupSize = tokens.length - group;
  }
  return tokens;
}

/** A token without its shared Word (which the reference does not build). */
function withoutWord(token: Token): Token {
  const { word: _word, ...rest } = token;
  return rest;
}

const FRAGMENTS = ['AI-strategie', 'cybersécu-rité', 'Gesundheitsdaten', 'données', 'ß', 'İ', 'K', '𝐀𝐈', '🤖', '\uD800', '\uDC00', '٣', '²', 'x‐y‑z', '--', ' - ', 'é', 'é', "l'IA", 'a'.repeat(70)];
const text = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ maxLength: 12 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('tokenize', () => {
  it('gives the tokens of the reference regular expression for any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(tokenize(t).map(withoutWord)).toEqual(reference(t));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('joins hyphenated words into one group and keeps offsets into the text', () => {
    const tokens = tokenize('De AI-strategie van 2024, cybersécu-rité.');
    expect(tokens.map((t) => [t.surface, t.group, t.groupSize])).toEqual([
      ['De', 0, 1],
      ['AI', 1, 2],
      ['strategie', 1, 2],
      ['van', 3, 1],
      ['2024', 4, 1],
      ['cybersécu', 5, 2],
      ['rité', 5, 2],
    ]);
    expect(tokens[5]!.folded).toBe('cybersecu');
    expect(tokensBetween(tokens, 3, 15).map((t) => t.surface)).toEqual(['AI', 'strategie']);
  });

  it('reads letters outside the Basic Multilingual Plane and skips lone surrogates', () => {
    expect(tokenize('𝐀𝐈 \uD800x').map((t) => [t.surface, t.start, t.end])).toEqual([
      ['𝐀𝐈', 0, 4],
      ['x', 6, 7],
    ]);
  });

  it('gives every token of a word the same Word, and stays right once its table of words starts afresh', () => {
    const [a, b, c] = tokenize('Data data Data 2024');
    expect(a!.word).toBe(c!.word);
    expect(a!.word).not.toBe(b!.word);
    expect(a!.word).toMatchObject({ surface: 'Data', lower: 'data', folded: 'data' });
    expect(tokenize('Data data Data 2024')[3]!.word).toBeUndefined();
    // More distinct words than the table keeps: it starts afresh, and the tokens are still those of the reference.
    const many = Array.from({ length: 40_000 }, (_, i) => `wörd${i.toString(36)}`).join(' ');
    expect(tokenize(many).map(withoutWord)).toEqual(reference(many));
    expect(tokenize('Data')[0]!.word).toMatchObject({ surface: 'Data', lower: 'data', folded: 'data' });
  });
});

