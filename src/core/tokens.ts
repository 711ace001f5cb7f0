// Unicode-correct tokenising: natural's tokenizers split words at ë, é, ö (see TOOLCHAIN.md).
import { foldDiacritics } from './stem.js';

/** A distinct word as written, shared by every token that spells it: its forms are worked out once. */
export interface Word {
  surface: string;
  lower: string;
  folded: string;
  /** Hash of the code units (see internWord). */
  hash: number;
  /** What a matcher of the lexicon made of the word, for the next token of it (see wordInfo in lexicon.ts); null until then. */
  info: unknown;
  /** The cue set the word's cue flags are for, and the flags (see cueFlags in context.ts); null and 0 until then. */
  cues: unknown;
  cueFlags: number;
}

/** A word of a passage, with its offsets and its hyphen group (AI-strategie → two tokens, one group). */
export interface Token {
  /** The word as written. */
  surface: string;
  /** Lowercased surface. */
  lower: string;
  /** Lowercased surface without diacritics. */
  folded: string;
  start: number;
  end: number;
  /** Index of the first token of the hyphenated word this token belongs to. */
  group: number;
  /** Number of tokens in that hyphenated word (1 for a plain word). */
  groupSize: number;
  /** The shared word (undefined for numbers and cut words, which are rarely seen twice). */
  word?: Word | undefined;
}

/** The hyphens that join words: -, ‐ and ‑. */
function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}
/** Longest word the tokenizer keeps whole; longer runs (a 5 MB "word") are cut. */
const MAX_WORD = 64;

// A word is a run of letters and digits (Unicode \p{L} and \p{N}). The scanner below reads code
// units instead of running a regular expression: ASCII is classified by table, other characters of
// the Basic Multilingual Plane once each (then remembered), astral ones by the regex every time.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const UNKNOWN = 0;
const IN_WORD = 1;
const OUTSIDE = 2;
const BMP_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) {
  const word = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  BMP_CLASS[c] = word ? IN_WORD : OUTSIDE;
}

/** Returns the length in code units of the word character at `i` (1 or 2), or 0 when it is not one. */
function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    let kind = BMP_CLASS[c]!;
    if (kind === UNKNOWN) {
      kind = WORD_CHAR.test(String.fromCharCode(c)) ? IN_WORD : OUTSIDE;
      BMP_CLASS[c] = kind;
    }
    return kind === IN_WORD ? 1 : 0;
  }
  const point = text.codePointAt(i)!;
  if (point <= 0xffff) return 0; // a lone high surrogate
  return WORD_CHAR.test(String.fromCodePoint(point)) ? 2 : 0;
}

// The words seen are kept in a table of their own, looked up by a hash of the code units computed
// while scanning: a word seen before is not lowercased or folded again, and every token of it
// carries the same Word, on which the lexicon keeps what it worked out for the word (instead of a
// Map lookup by string per token). Numbers and cut words are not kept. When the table is half full
// it starts afresh, so its memory is bounded however large the vocabulary of a corpus.
const TABLE_SIZE = 1 << 16;
const MAX_WORDS = TABLE_SIZE >> 1;
let table: Array<Word | undefined> = new Array<Word | undefined>(TABLE_SIZE).fill(undefined);
let wordCount = 0;

function addCodeUnit(hash: number, unit: number): number {
  return (Math.imul(hash, 31) + unit) | 0;
}

/** Returns the Word spelt by text[start, end) with that hash; `plain` when it is ASCII without capitals. */
// V8 makes a slice of 13 characters or more a view into the whole string it was cut from: a word
// kept in the table (or in a memo keyed by it) would keep its whole document in memory for as long
// (2,000 kept 20-character slices of 100 KB texts held 239 MB; copies, 3 MB). Long slices that are
// kept are copied.
const SLICE_VIEW = 13;
function ownString(slice: string): string {
  return slice.length < SLICE_VIEW ? slice : (JSON.parse(JSON.stringify(slice)) as string);
}

function internWord(text: string, start: number, end: number, hash: number, ascii: boolean, plain: boolean): Word {
  const mask = TABLE_SIZE - 1;
  let slot = (hash ^ (hash >>> 15)) & mask;
  for (let word = table[slot]; word !== undefined; word = table[slot]) {
    // A short slice and === (a memcmp) cost less than startsWith or a loop over the code units.
    if (word.hash === hash && word.surface === text.slice(start, end)) return word;
    slot = (slot + 1) & mask;
  }
  if (wordCount >= MAX_WORDS) {
    table = new Array<Word | undefined>(TABLE_SIZE).fill(undefined);
    wordCount = 0;
    slot = (hash ^ (hash >>> 15)) & mask;
  }
  const surface = ownString(text.slice(start, end));
  // An ASCII word without capitals is its own lowercase form.
  const lower = plain ? surface : surface.toLowerCase();
  // Most words are plain ASCII: skip the Unicode decomposition for them.
  // info and cues start as null, not undefined: a field first set to undefined made V8's loads of Words megamorphic.
  const word: Word = { surface, lower, folded: ascii ? lower : foldDiacritics(lower), hash, info: null, cues: null, cueFlags: 0 };
  table[slot] = word;
  wordCount += 1;
  return word;
}

/** Returns the tokens of a text in order; hyphenated words give one token per part, sharing a group. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let group = 0;
  let i = 0;
  while (i < length) {
    // Plain ASCII between words is skipped by table, without a call.
    const c = text.charCodeAt(i);
    if (c < 0x80 && BMP_CLASS[c] === OUTSIDE) {
      i += 1;
      continue;
    }
    const first = wordCharAt(text, i);
    if (first === 0) {
      i += 1;
      continue;
    }
    const start = i;
    let ascii = c < 0x80;
    let upper = c >= 0x41 && c <= 0x5a;
    let digits = c <= 0x39;
    let hash = addCodeUnit(0, c);
    if (first === 2) hash = addCodeUnit(hash, text.charCodeAt(i + 1));
    i += first;
    // The bound is tested here rather than read as NaN from charCodeAt: an index past the end, seen
    // once, makes V8 call charCodeAt instead of inlining it, for every character after.
    while (i < length) {
      const d = text.charCodeAt(i);
      if (d < 0x80) {
        if (BMP_CLASS[d] !== IN_WORD) break;
        if (d <= 0x5a && d >= 0x41) upper = true;
        if (d > 0x39) digits = false;
        hash = addCodeUnit(hash, d);
        i += 1;
        continue;
      }
      const step = wordCharAt(text, i);
      if (step === 0) break;
      ascii = false;
      hash = addCodeUnit(hash, d);
      if (step === 2) hash = addCodeUnit(hash, text.charCodeAt(i + 1));
      i += step;
    }
    // Only ASCII digits make a number (as wordInfo's DIGITS reads it).
    digits &&= ascii;
    const previous = tokens[tokens.length - 1];
    // "AI-strategie": a single hyphen between two words joins them into one group.
    const joined = previous !== undefined && start === previous.end + 1 && isHyphen(text.charCodeAt(previous.end));
    if (!joined) group = tokens.length;
    let word: Word | undefined;
    let surface: string;
    let lower: string;
    let folded: string;
    if (!digits && i - start <= MAX_WORD) {
      word = internWord(text, start, i, hash, ascii, ascii && !upper);
      surface = word.surface;
      lower = word.lower;
      folded = word.folded;
    } else {
      // A cut word is remembered by the lexicon's memo: it must not keep its text in memory.
      surface = i - start > MAX_WORD ? ownString(text.slice(start, start + MAX_WORD)) : text.slice(start, i);
      lower = ascii && !upper ? surface : surface.toLowerCase();
      folded = ascii ? lower : foldDiacritics(lower);
    }
    tokens.push({ surface, lower, folded, start, end: i, group, groupSize: 1, word });
    if (joined) for (let k = group; k < tokens.length; k++) tokens[k]!.groupSize = tokens.length - group;
  }
  return tokens;
}

/** Returns the index of the first token that starts at or after `start` (tokens sorted by offset). */
export function firstTokenFrom(tokens: Token[], start: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Returns the index one past the last token from `from` on that ends at or before `end`. */
function lastTokenBefore(tokens: Token[], from: number, end: number): number {
  let last = from;
  while (last < tokens.length && tokens[last]!.end <= end) last += 1;
  return last;
}

/** Returns the tokens that lie within [start, end) of the text they were cut from (tokens sorted by offset). */
export function tokensBetween(tokens: Token[], start: number, end: number): Token[] {
  const first = firstTokenFrom(tokens, start);
  return tokens.slice(first, lastTokenBefore(tokens, first, end));
}

/** Returns how many tokens tokensBetween would return, without copying them. */
export function countTokensBetween(tokens: Token[], start: number, end: number): number {
  const first = firstTokenFrom(tokens, start);
  return lastTokenBefore(tokens, first, end) - first;
}
