// The only importer of natural. Its index module pulls in database drivers and reads ./.env, and
// even its stemmers' index loads the stemmers of fourteen languages (about 70 ms): only the four
// Porter stemmers we use are loaded, each when a stemmer of its language is first made.
import { createRequire } from 'node:module';
import type { LanguageCode } from '../model.js';
import { Memo } from './memo.js';

/** A language-bound stemmer with its own memo: lowercased word in, folded stem out. */
export interface Stemmer {
  readonly language: LanguageCode;
  stem(word: string): string;
}

/** Words per generation of the stem memo (see memo.ts). */
const MEMO_SIZE = 10_000;

type Backend = { stem: (token: string) => string };

const require = createRequire(import.meta.url);
/** natural's module of each language's Porter stemmer (German's for Luxembourgish). */
const BACKENDS: Partial<Record<LanguageCode, string>> = {
  en: 'natural/lib/natural/stemmers/porter_stemmer.js',
  nl: 'natural/lib/natural/stemmers/porter_stemmer_nl.js',
  fr: 'natural/lib/natural/stemmers/porter_stemmer_fr.js',
  de: 'natural/lib/natural/stemmers/porter_stemmer_de.js',
  lb: 'natural/lib/natural/stemmers/porter_stemmer_de.js',
};

function backendFor(language: LanguageCode): Backend | undefined {
  const path = BACKENDS[language];
  return path === undefined ? undefined : (require(path) as Backend);
}

/** Returns a memoising stemmer for the language; for `und` the stem is the folded word itself. */
export function createStemmer(language: LanguageCode): Stemmer {
  const backend = backendFor(language);
  const cache = new Memo<string>(MEMO_SIZE);
  return {
    language,
    stem(word: string): string {
      const cached = cache.get(word);
      if (cached !== undefined) return cached;
      const stem = foldDiacritics(backend ? safeStem(backend, word) : word);
      cache.set(word, stem);
      return stem;
    },
  };
}

function safeStem(backend: Backend, word: string): string {
  // The Porter stemmers are written for short words; very long tokens are compared whole.
  if (word.length > 40) return word;
  const stem = backend.stem(word);
  return stem.length > 0 ? stem : word;
}

/** Returns the text with combining marks removed (é → e, ë → e, ß kept); case is kept. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}
