// Reading the context of a match: is the term one item of an enumeration, an example after
// "such as", part of a minister's title, and is the passage about AI at all?
import type { Cues, TaxonomyLanguage } from './taxonomy.js';
import { foldDiacritics } from './stem.js';
import { countTokensBetween, firstTokenFrom, tokenize, tokensBetween, type Token } from './tokens.js';

/** How a match's context changes its weight. */
export type ContextKind = 'enumeration' | 'example' | 'title';

/** A sentence (or list line) of a passage. */
export interface Sentence {
  start: number;
  end: number;
}

/** A run of list items inside one sentence: "economie, energie, gezondheid en mobiliteit". */
export interface Enumeration {
  start: number;
  end: number;
  /** The spans of the items, in order. */
  items: Sentence[];
}

/** The context of a passage: its sentences, enumerations, example and title spans, and whether it is about AI. */
export interface PassageContext {
  sentences: Sentence[];
  enumerations: Enumeration[];
  /** Spans after an example marker, to the end of the clause. */
  examples: Sentence[];
  /** Spans of office titles ("Minister van Economische Zaken en Klimaat"). */
  titles: Sentence[];
  aboutAi: boolean;
  /** Offsets of the AI terms of the passage. */
  aiTerms: number[];
}

/** Longest list item, in words, that still reads as an item rather than a clause. */
const ITEM_WORDS = 5;
/** Words after an example marker that the marker governs. */
const EXAMPLE_WORDS = 6;
/** The most words after an office word that can belong to its title. */
const TITLE_WORDS = 7;
/** Words that join an office word to its portfolio, or the parts of a portfolio. */
const TITLE_JOINERS = new Set([
  'van', 'voor', 'en', 'de', 'het', 'der', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'et', 'charge', 'chargee', 'delegue', 'deleguee',
  'fur', 'und', 'die', 'das', 'den', 'of', 'for', 'and', 'the', 'state', 'federal', 'federaal', 'federale', 'vlaams', 'vlaamse',
]);

/** A language's cues, compiled once: word sets and the example-marker pattern (English cues included). */
export interface CueSet {
  examples: RegExp | undefined;
  /** The same pattern, sticky, to try at one position; undefined when some marker does not start with a letter or digit (see markerMatches). */
  exampleAt: RegExp | undefined;
  /** The two-word AI terms, "first second". */
  aiPairs: Set<string>;
  /** What each folded word is to the cues (AI word, first word of an AI pair or of an example marker, office, conjunction), as flags (see cueFlags). */
  flags: Map<string, number>;
}

// What a word is to the cues of a language, as bits: one lookup per word instead of one per set.
const AI_WORD = 1;
const AI_PAIR_START = 2;
const EXAMPLE_START = 4;
const OFFICE = 8;
const CONJUNCTION = 16;
/** The word has a long s (see markerMatches). */
const LONG_S = 32;
const EXECUTIVE = 64;

/** Returns the cue flags of a token's folded form; a token's Word carries them for the next token of it. */
function cueFlags(token: Token, cues: CueSet): number {
  const word = token.word;
  if (word !== undefined && word.cues === cues) return word.cueFlags;
  const flags = (cues.flags.get(token.folded) ?? 0) | (token.folded.includes('ſ') ? LONG_S : 0);
  if (word !== undefined) {
    word.cues = cues;
    word.cueFlags = flags;
  }
  return flags;
}

/** Returns the compiled cues of a language. */
export function compileCues(cues: Cues, language: TaxonomyLanguage): CueSet {
  const words = (list: string[]) => new Set(list.map((w) => foldDiacritics(w.toLowerCase())));
  const aiWords = new Set<string>();
  const aiPairs = new Set<string>();
  const aiPairStarts = new Set<string>();
  for (const term of cues.ai[language].concat(cues.ai.en)) {
    const parts = tokenize(term).map((t) => t.folded);
    if (parts.length === 1) aiWords.add(parts[0]!);
    else if (parts.length === 2) {
      aiPairs.add(`${parts[0]} ${parts[1]}`);
      aiPairStarts.add(parts[0]!);
    }
  }
  const examples = cues.examples[language];
  const escaped = examples.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  const source = `(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`;
  const atWords = examples.every((c) => /^[\p{L}\p{N}]/u.test(c));
  const conjunctions = words(cues.conjunctions[language].concat(cues.conjunctions.en));
  const offices = words(cues.offices[language].concat(cues.offices.en));
  const executives = words(cues.executives[language].concat(cues.executives.en));
  const exampleStarts = new Set(examples.flatMap((c) => tokenize(c).slice(0, 1).map((t) => t.folded)));
  const flags = new Map<string, number>();
  const flag = (set: Set<string>, bit: number) => {
    for (const word of set) flags.set(word, (flags.get(word) ?? 0) | bit);
  };
  flag(aiWords, AI_WORD);
  flag(aiPairStarts, AI_PAIR_START);
  flag(exampleStarts, EXAMPLE_START);
  flag(offices, OFFICE);
  flag(executives, EXECUTIVE);
  flag(conjunctions, CONJUNCTION);
  return {
    examples: examples.length === 0 ? undefined : new RegExp(source, 'giu'),
    exampleAt: examples.length === 0 || !atWords ? undefined : new RegExp(source, 'iuy'),
    aiPairs,
    flags,
  };
}

/** Returns true when the text names AI (artificial intelligence, AI, IA, KI, algorithms…). */
export function mentionsAi(text: string, cues: CueSet, tokens: Token[] = tokenize(text)): boolean {
  return findAiTerms(tokens, cues).length > 0;
}

/** Returns the context of a passage text for the language's cues; `documentAboutAi` when its document is; enumerations only when asked (they cost the most). */
export function readContext(text: string, cues: CueSet, documentAboutAi = false, tokens: Token[] = tokenize(text), enumerations = true): PassageContext {
  const sentences = splitSentences(text);
  const lists = enumerations ? sentences.flatMap((s) => findEnumerations(text, s, cues, tokens)) : [];
  const aiTerms = findAiTerms(tokens, cues);
  return {
    sentences,
    enumerations: lists,
    examples: tokens.some((t) => (cueFlags(t, cues) & EXAMPLE_START) !== 0) ? findCueSpans(text, sentences, cues, tokens) : [],
    titles: findTitles(text, tokens, cues),
    aboutAi: aiTerms.length > 0 || documentAboutAi,
    aiTerms,
  };
}

/** Returns the sentences of a text: cut at sentence ends, blank lines and list lines. */
export function splitSentences(text: string): Sentence[] {
  const spans: Sentence[] = [];
  const boundary = /[.!?;]+["”»)]?\s+|\n\s*\n|\n(?=\s*(?:[•·▪\-*–]|\d+[.)°])\s)|\s[|]\s/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (end > start) spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

// Segments of a sentence cut at commas, colons, slashes, parentheses, ellipses and conjunctions.
// A run of three or more segments whose middle ones are short is an enumeration; the first
// segment's item is its tail, the last may be long.
// Cuts between items: commas, colons, slashes, ellipses, dashes between spaces (the g flag: a
// search from a sentence start, via lastIndex).
const ITEM_CUT = /[,:/…]|\.\.\.|\s[–—-]\s/g;

function findEnumerations(text: string, sentence: Sentence, cues: CueSet, all: Token[]): Enumeration[] {
  const cuts: Array<{ at: number; next: number }> = [];
  // Matches are read as within the sentence alone: one running past its end does not count.
  ITEM_CUT.lastIndex = sentence.start;
  for (let m = ITEM_CUT.exec(text); m !== null && m.index < sentence.end; m = ITEM_CUT.exec(text)) {
    if (m.index + m[0].length > sentence.end) {
      ITEM_CUT.lastIndex = m.index + 1;
      continue;
    }
    cuts.push({ at: m.index, next: m.index + m[0].length });
  }
  const first = firstTokenFrom(all, sentence.start);
  for (let k = first; k < all.length && all[k]!.end <= sentence.end; k++) {
    const t = all[k]!;
    if ((cueFlags(t, cues) & CONJUNCTION) !== 0) cuts.push({ at: t.start, next: t.end });
  }
  // Three items need two cuts at least.
  if (cuts.length < 2) return [];
  const tokens = tokensBetween(all, sentence.start, sentence.end);
  cuts.sort((a, b) => a.at - b.at);
  const segments: Sentence[] = [];
  let start = sentence.start;
  for (const cut of cuts) {
    if (cut.at > start) segments.push({ start, end: cut.at });
    start = Math.max(start, cut.next);
  }
  if (start < sentence.end) segments.push({ start, end: sentence.end });
  const words = segments.map((s) => countTokensBetween(tokens, s.start, s.end));
  const runs: Enumeration[] = [];
  let i = 0;
  while (i < segments.length) {
    let j = i + 1;
    while (j < segments.length && words[j]! > 0 && words[j]! <= ITEM_WORDS) j += 1;
    // segments i (lead-in + first item) .. j-1 are items; segment j, if any, may close the list
    const last = j < segments.length && words[j]! > 0 ? j : j - 1;
    const items = last - i + 1;
    if (j - i >= 3 && items >= 3) {
      const firstStart = itemTail(tokens, segments[i]!);
      const spans = segments.slice(i, last + 1).map((s, k) => (k === 0 ? { start: firstStart, end: s.end } : s));
      runs.push({ start: firstStart, end: segments[last]!.end, items: spans });
      i = last + 1;
    } else {
      i += 1;
    }
  }
  return runs;
}

// The first segment carries the lead-in ("denk maar aan economie"): only its last words are the item.
const FIRST_ITEM_WORDS = 3;
function itemTail(all: Token[], segment: Sentence): number {
  const tokens = tokensBetween(all, segment.start, segment.end);
  if (tokens.length <= FIRST_ITEM_WORDS) return segment.start;
  return tokens[tokens.length - FIRST_ITEM_WORDS]!.start;
}

function findCueSpans(text: string, sentences: Sentence[], cues: CueSet, tokens: Token[]): Sentence[] {
  if (!cues.examples) return [];
  const spans: Sentence[] = [];
  let s = 0;
  for (const m of markerMatches(text, tokens, cues)) {
    // Sentences and matches are in order: the sentence of this match is the current one or a later one.
    while (s < sentences.length && sentences[s]!.end <= m.index) s += 1;
    const sentence = sentences[s];
    if (sentence === undefined || m.index < sentence.start) continue;
    // An example marker governs the next few words, up to the next comma or clause break.
    const after = m.index + m[0].length;
    let end = after;
    for (let k = firstTokenFrom(tokens, after), n = 0; n < EXAMPLE_WORDS && k < tokens.length && tokens[k]!.end <= sentence.end; k++, n++) {
      end = tokens[k]!.end;
    }
    const clause = /[,;:)]|\s[–—]\s/.exec(text.slice(after, end));
    if (clause) end = after + clause.index;
    spans.push({ start: m.index, end });
  }
  return spans;
}

// The example markers of a text, in order, as a search of the whole text finds them. A marker that
// starts with a letter right after a non-word character starts where a token does: trying the
// sticky pattern at the tokens whose folded form begins a marker finds the same matches for a
// fraction of the cost. The one letter the case-insensitive pattern reads as another that folding
// does not is the long s (ſ reads as s), so a token with one is tried as well.
function markerMatches(text: string, tokens: Token[], cues: CueSet): RegExpExecArray[] {
  const at = cues.exampleAt;
  if (at === undefined) return [...text.matchAll(cues.examples!)];
  const found: RegExpExecArray[] = [];
  let from = 0; // matches do not overlap: the next one starts at or after the end of the last
  for (const token of tokens) {
    if (token.start < from || (cueFlags(token, cues) & (EXAMPLE_START | LONG_S)) === 0) continue;
    at.lastIndex = token.start;
    const m = at.exec(text);
    if (m === null) continue;
    found.push(m);
    from = m.index + m[0].length;
  }
  return found;
}

function findTitles(text: string, tokens: Token[], cues: CueSet): Sentence[] {
  const spans: Sentence[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const flags = cueFlags(token, cues);
    // "the Walloon Government", "le Gouvernement entend": the executive that decides, named as a body.
    if ((flags & EXECUTIVE) !== 0 && isCapitalised(token.surface) && !startsSentence(text, tokens, i)) {
      spans.push({ start: token.start, end: token.end });
      continue;
    }
    if ((flags & OFFICE) === 0) continue;
    // The title goes on through its portfolio: capitalised words, the words that join them
    // ("van", "de la", "für", "of"), and the word right after such a joiner ("minister van
    // digitalisering"); a lower-case word after a non-joiner ends it ("het ministerie wil dat ...").
    let j = i;
    while (j < Math.min(tokens.length - 1, i + TITLE_WORDS)) {
      const next = tokens[j + 1]!;
      const afterJoiner = j > i && TITLE_JOINERS.has(tokens[j]!.folded);
      if (!(afterJoiner || TITLE_JOINERS.has(next.folded) || /^\p{Lu}/u.test(next.surface))) break;
      j++;
    }
    let end = tokens[j]!.end;
    // A title ends at the first punctuation that is not part of a list of portfolios.
    const stop = /[.;:!?()"“”«»]|,\s+(?:\p{Lu}\p{Ll}+\s+\p{Lu})/u.exec(text.slice(token.end, end));
    if (stop) end = token.end + stop.index;
    spans.push({ start: token.start, end });
  }
  return spans;
}

/** A capital first letter and a lower-case second one ("Government", not "government" or a heading's "GOVERNMENT"). */
function isCapitalised(surface: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(surface);
}

/** True when nothing but punctuation that ends or opens a sentence, a quote or a list line comes before the token. */
function startsSentence(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  return /[.!?:;•·▪\n"“«(]/u.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
}

// "AI", "IA", "KI" count only in capitals: "j'ai", "ai" and "ki" are other words.
function findAiTerms(tokens: Token[], cues: CueSet): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const folded = token.folded;
    const flags = cueFlags(token, cues);
    const word = (flags & AI_WORD) !== 0 && (folded.length > 3 || token.surface === token.surface.toUpperCase());
    const pair = !word && i + 1 < tokens.length && (flags & AI_PAIR_START) !== 0 && cues.aiPairs.has(`${folded} ${tokens[i + 1]!.folded}`);
    if (word || pair) {
      offsets.push(tokens[i]!.start);
    }
  }
  return offsets;
}

/** Returns true when the span shares a sentence with an AI term. */
export function isNearAi(context: PassageContext, start: number): boolean {
  const sentence = context.sentences.find((s) => start >= s.start && start < s.end);
  return sentence !== undefined && context.aiTerms.some((at) => at >= sentence.start && at < sentence.end);
}

/** Returns true when the span lies within one of the passage's titles (a function's office, a body's name). */
export function inTitle(context: PassageContext, start: number, end: number): boolean {
  return context.titles.some((s) => start >= s.start && end <= s.end);
}

/** Returns true when the span starts within the reach of an example marker ("such as", "zoals", …). */
export function inExample(context: PassageContext, start: number): boolean {
  return context.examples.some((s) => start >= s.start && start < s.end);
}

/** Returns the contexts a span falls in. */
export function contextsOf(context: PassageContext, start: number, end: number): Set<ContextKind> {
  const kinds = new Set<ContextKind>();
  if (context.enumerations.some((s) => start >= s.start && end <= s.end)) kinds.add('enumeration');
  if (inExample(context, start)) kinds.add('example');
  if (inTitle(context, start, end)) kinds.add('title');
  return kinds;
}
