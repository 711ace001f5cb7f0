// The only importer of the language detectors. eld was measured against franc 6 and franc-all on
// the development set (README, "Language detection"): as accurate on whole passages, far better
// on short ones (98% vs 87% at 30 characters) and four times faster. It is restricted to our
// four languages once, here, on its shared instance. When its two best languages are nearly tied
// (a bilingual nl|fr line), franc, restricted the same way, breaks the tie. Luxembourgish, which
// neither knows, is recognised before both by its function words.
import { eld } from 'eld/extrasmall';
import { franc } from 'franc';
import type { LanguageCode, Passage } from '../model.js';

const LANGUAGES: readonly LanguageCode[] = ['nl', 'fr', 'de', 'en'];
eld.setLanguageSubset([...LANGUAGES]);
const FRANC_CODES: Record<string, LanguageCode> = { nld: 'nl', fra: 'fr', deu: 'de', eng: 'en' };
/** eld's two best scores closer than this (relative) are a tie. */
const TIE = 0.02;
/** Passages with fewer letters than this take the document's language: too short to tell. */
export const MIN_LETTERS = 15;
/** eld reads only the first 1000 characters; longer passages are detected in slices. */
const SLICE = 1000;

/** The languages of a document: per passage, the dominant one, and shares by characters. */
export interface LanguageProfile {
  passages: LanguageCode[];
  language: LanguageCode;
  languages: Partial<Record<LanguageCode, number>>;
}

// franc 6 has no Luxembourgish model and reads it as German. These function words are
// Luxembourgish and (nearly) never German, Dutch, French or English: "ass" (is), "fir" (for),
// "vun" (of), "gëtt" (becomes), "datt" (that), "awer" (but)…
const LUXEMBOURGISH = new Set(
  'ass fir vun déi dës dëst gëtt ginn hunn huet wier kënnt awer gouf goufen datt iwwer ënner méi wéi misst missten hätt hätten kruten eis ee eng engem'.split(' '),
);
/** Share of Luxembourgish function words from which a text is Luxembourgish. */
const LUXEMBOURGISH_SHARE = 0.08;

/** Returns true when a text reads as Luxembourgish (its function words, not German's). */
export function isLuxembourgish(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}’']+/gu) ?? [];
  let hits = 0;
  for (const word of words) if (LUXEMBOURGISH.has(word)) hits += 1;
  return hits >= 3 && hits / words.length >= LUXEMBOURGISH_SHARE;
}

/** Returns the language of a text, or `und` when it is too short to tell. */
export function detectLanguage(text: string): LanguageCode {
  const letters = countLetters(text);
  if (letters < MIN_LETTERS) return 'und';
  if (isLuxembourgish(text)) return 'lb';
  if (text.length <= SLICE) return detectSlice(text);
  const votes = new Map<LanguageCode, number>();
  for (let at = 0; at < text.length; at += SLICE) {
    const slice = text.slice(at, at + SLICE);
    const code = detectSlice(slice);
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

function detectSlice(text: string): LanguageCode {
  const result = eld.detect(text);
  const code = result.language as LanguageCode;
  if (!LANGUAGES.includes(code)) return 'und';
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  if (scores.length >= 2 && scores[0]! - scores[1]! < TIE * scores[0]!) {
    return FRANC_CODES[franc(text, { only: Object.keys(FRANC_CODES), minLength: 1 })] ?? code;
  }
  return code;
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
