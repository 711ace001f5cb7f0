// The only importer of the language detector. franc is always restricted to our languages:
// unrestricted, it reads Dutch as Afrikaans and English as Scots (see TOOLCHAIN.md).
import { franc } from 'franc';
import type { LanguageCode, Passage } from '../model.js';

const FRANC_CODES: Record<string, LanguageCode> = { nld: 'nl', fra: 'fr', deu: 'de', eng: 'en' };
const ONLY = Object.keys(FRANC_CODES);
/** Passages with fewer letters than this take the document's language: too short to tell. */
export const MIN_LETTERS = 30;
/** franc reads only the first 2048 characters; longer passages are detected in slices. */
const SLICE = 2000;

/** The languages of a document: per passage, the dominant one, and shares by characters. */
export interface LanguageProfile {
  passages: LanguageCode[];
  language: LanguageCode;
  languages: Partial<Record<LanguageCode, number>>;
}

/** Returns the language of a text, or `und` when it is too short to tell. */
export function detectLanguage(text: string): LanguageCode {
  const letters = countLetters(text);
  if (letters < MIN_LETTERS) return 'und';
  if (text.length <= SLICE) return fromFranc(franc(text, { only: ONLY, minLength: 1 }));
  const votes = new Map<LanguageCode, number>();
  for (let at = 0; at < text.length; at += SLICE) {
    const slice = text.slice(at, at + SLICE);
    const code = fromFranc(franc(slice, { only: ONLY, minLength: 1 }));
    if (code !== 'und') votes.set(code, (votes.get(code) ?? 0) + slice.length);
  }
  return pickLargest(votes);
}

/** Returns the language of each passage and of the document; short passages take the document's. */
export function detectLanguages(passages: Passage[]): LanguageProfile {
  const own = passages.map((p) => (p.boilerplate ? 'und' : detectLanguage(p.text)));
  const weights = new Map<LanguageCode, number>();
  passages.forEach((p, i) => {
    const code = own[i]!;
    if (code !== 'und') weights.set(code, (weights.get(code) ?? 0) + countLetters(p.text));
  });
  const language = pickLargest(weights);
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  const languages: Partial<Record<LanguageCode, number>> = {};
  for (const [code, weight] of [...weights.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const share = Math.round((weight / total) * 100) / 100;
    if (share > 0) languages[code] = share;
  }
  return { passages: own.map((code) => (code === 'und' ? language : code)), language, languages };
}

function fromFranc(code: string): LanguageCode {
  return FRANC_CODES[code] ?? 'und';
}

function pickLargest(weights: Map<LanguageCode, number>): LanguageCode {
  let best: LanguageCode = 'und';
  let bestWeight = 0;
  for (const [code, weight] of weights) {
    if (weight > bestWeight || (weight === bestWeight && code < best)) {
      best = code;
      bestWeight = weight;
    }
  }
  return best;
}

function countLetters(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) n += 1;
  return n;
}
