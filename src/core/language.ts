// The only importer of the language detectors. A passage with enough function words is decided by
// them; otherwise by eld, which was measured against franc 6 and franc-all on the development set
// (README, "Language detection"): as accurate on whole passages, far better on short ones (98% vs
// 87% at 30 characters) and faster. eld is restricted to our four languages once, here. When its
// two best languages are nearly tied (a bilingual nl|fr line), franc, restricted the same way,
// breaks the tie. Luxembourgish, which none of them knows, is recognised by its own function words
// among texts read as German or Dutch.
import type { eld as EldInstance } from 'eld/extrasmall';
import { franc } from 'franc';
import type { LanguageCode, Passage } from '../model.js';
import { tokenize, type Token } from './tokens.js';

const LANGUAGES: readonly LanguageCode[] = ['nl', 'fr', 'de', 'en'];
type Eld = typeof EldInstance;

// eld's own data module holds 49,000 n-grams of 60 languages; building it takes about 0.4 s and 87 MB
// of RSS in every process and worker thread. `npm run build` writes the n-grams that score nl, fr, de or en
// (scripts/language-data.mjs), which give the same scores on those languages; eld's detector is
// loaded with them. Without that file (a build that skipped the step), eld's whole set is used.
async function loadEld(): Promise<{ eld: Eld; model: 'subset' | 'whole' }> {
  try {
    const dataSpecifier = '#eld-ngrams';
    const detectorUrl = new URL('../languageDetector.js', import.meta.resolve('eld/extrasmall')).href;
    const [data, detector] = await Promise.all([
      import(dataSpecifier, { with: { type: 'json' } }) as Promise<{ default: unknown }>,
      import(detectorUrl) as Promise<{ createEld: () => { instance: Eld; loadData: (data: unknown) => string } }>,
    ]);
    const { instance, loadData } = detector.createEld();
    if (!loadData(data.default)) throw new Error('eld did not take the n-grams');
    return { eld: instance, model: 'subset' };
  } catch {
    return { eld: (await import('eld/extrasmall')).eld, model: 'whole' };
  }
}

const { eld, model } = await loadEld();
/** Which n-grams eld was loaded with: our four languages' share of its data set, or the whole set. */
export const LANGUAGE_MODEL = model;
eld.setLanguageSubset([...LANGUAGES]);
const FRANC_CODES: Record<string, LanguageCode> = { nld: 'nl', fra: 'fr', deu: 'de', eng: 'en' };
/** eld's two best scores closer than this (relative) are a tie. */
const TIE = 0.02;
/** Passages with fewer letters than this take the document's language: too short to tell. */
export const MIN_LETTERS = 10;
/** Characters of a passage the detector reads: 100% right from 100 characters on the dev set, and eld reads at most 1000. */
const SAMPLE = 400;

/** The languages of a document: per passage, the dominant one, and shares by characters of text. */
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

// Closed-class words that occur in nearly every sentence of one language and in none of the
// three others. Where a passage has enough of them, counting them is as accurate as n-grams on the
// development set (200 of 204 passages decided, none wrongly) and much faster; elsewhere eld decides.
const FUNCTION_WORDS: Record<'nl' | 'fr' | 'de' | 'en', string> = {
  nl: 'het een van niet voor zijn met ook wordt worden deze naar bij maar uit heeft hebben door wij kunnen moet zal nog onze hun dit wat werd waar zich tot welke',
  fr: 'le la les des du une est pour dans qui que sur pas avec sont ce cette au aux il elle nous plus par ont été leur ses ces être comme mais aussi entre',
  de: 'der das und ist nicht mit von zu den dem ein eine sich auch auf für werden wird sind bei nach oder im zum zur eines einer durch wurde sowie',
  en: 'the and of to is are for with that this be by on will which it from have has as an its their been were can should more also such',
};
const FUNCTION_WORD_LANGUAGE = new Map<string, LanguageCode>(
  Object.entries(FUNCTION_WORDS).flatMap(([code, words]) => words.split(' ').map((w) => [w, code as LanguageCode] as const)),
);
/** Function words needed to decide, and how far the first language must lead the second. */
const FUNCTION_WORD_MIN = 4;
const FUNCTION_WORD_LEAD = 2;

/** Returns the language a text's function words point to, or undefined when they do not decide it. */
export function detectByFunctionWords(tokens: Token[]): LanguageCode | undefined {
  const counts = new Map<LanguageCode, number>();
  for (const token of tokens) {
    const code = FUNCTION_WORD_LANGUAGE.get(token.lower);
    if (code !== undefined) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let first: LanguageCode | undefined;
  let firstCount = 0;
  let secondCount = 0;
  // Ties keep the language counted first, as a stable sort by count would.
  for (const [code, count] of counts) {
    if (count > firstCount) {
      secondCount = firstCount;
      first = code;
      firstCount = count;
    } else if (count > secondCount) {
      secondCount = count;
    }
  }
  if (first === undefined || firstCount < FUNCTION_WORD_MIN) return undefined;
  if (secondCount > 0 && firstCount < FUNCTION_WORD_LEAD * secondCount) return undefined;
  return first;
}

// Cheap first look: fewer than three Luxembourgish function words among the tokens means no.
function mayBeLuxembourgish(tokens: Token[]): boolean {
  let hits = 0;
  for (const token of tokens) if (LUXEMBOURGISH.has(token.lower) && ++hits >= 3) return true;
  return false;
}

/** Returns the language of a text, or `und` when it is too short to tell. */
export function detectLanguage(text: string, tokens: Token[] = tokenize(text)): LanguageCode {
  if (!hasLetters(text, MIN_LETTERS)) return 'und';
  const byWords = detectByFunctionWords(tokens);
  if (byWords !== undefined) return (byWords === 'de' || byWords === 'nl') && mayBeLuxembourgish(tokens) && isLuxembourgish(text) ? 'lb' : byWords;
  const sample = text.length <= SAMPLE ? text : text.slice(0, text.lastIndexOf(' ', SAMPLE) > SAMPLE / 2 ? text.lastIndexOf(' ', SAMPLE) : SAMPLE);
  const code = detectSample(sample);
  // Luxembourgish reads as German (or Dutch) to the detectors: only then is it worth checking.
  return (code === 'de' || code === 'nl') && mayBeLuxembourgish(tokens) && isLuxembourgish(sample) ? 'lb' : code;
}

/** Returns the language of each passage and of the document; short passages take the document's. */
export function detectLanguages(passages: Passage[], tokens?: Token[][]): LanguageProfile {
  const own = passages.map((p, i) => (p.boilerplate ? 'und' : detectLanguage(p.text, tokens?.[i])));
  const weights = new Map<LanguageCode, number>();
  passages.forEach((p, i) => {
    const code = own[i]!;
    if (code !== 'und') weights.set(code, (weights.get(code) ?? 0) + p.text.length);
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

/** Returns eld's scores of a text for nl, fr, de and en (the languages it scores at all; {} for none). */
export function scoreByNgrams(text: string): Record<string, number> {
  return eld.detect(text).getScores();
}

function detectSample(text: string): LanguageCode {
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

// True when the text has at least `min` letters; stops counting as soon as it has.
function hasLetters(text: string, min: number): boolean {
  const letter = /\p{L}/gu;
  let n = 0;
  while (n < min && letter.exec(text) !== null) n += 1;
  return n >= min;
}
