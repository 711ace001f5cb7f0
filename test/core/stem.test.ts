// The matcher looks numbers up as their own stem without asking the stemmer (lexicon.ts): that
// rests on every Porter stemmer leaving digits alone, which this checks.
import { describe, expect, it } from 'vitest';
import { createStemmer, foldDiacritics } from '../../src/core/stem.js';
import { Memo } from '../../src/core/memo.js';

describe('stemmers', () => {
  it.each(['en', 'nl', 'fr', 'de', 'lb'] as const)('%s: a number is its own stem', (language) => {
    const stemmer = createStemmer(language);
    for (const number of ['0', '7', '12', '2024', '007', '12345', '100000', '45678901234']) expect(stemmer.stem(number)).toBe(number);
  });

  it('stems a word the same on every call, and folds diacritics (case kept)', () => {
    const fr = createStemmer('fr');
    expect(fr.stem('données')).toBe(fr.stem('données'));
    expect(foldDiacritics('Sécurité')).toBe('Securite');
  });
});

describe('the bounded memo', () => {
  it('keeps at most two generations, and keeps what is in use', () => {
    const memo = new Memo<number>(3);
    for (let i = 0; i < 10; i++) {
      memo.set(`w${i}`, i);
      expect(memo.get('w0')).toBe(0); // used all the time: never forgotten
      if (i === 0) continue;
      expect(memo.count).toBeLessThanOrEqual(6);
    }
    expect(memo.get('w1')).toBeUndefined(); // seen once, long ago
    expect(memo.get('w9')).toBe(9);
  });
});
