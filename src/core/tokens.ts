// Unicode-correct tokenising: natural's tokenizers split words at ë, é, ö (see TOOLCHAIN.md).
import { Memo } from './memo.js';
import { foldDiacritics } from './stem.js';

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
}

const HYPHENS = new Set(['-', '‐', '‑']);
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

// Folding decomposes the word: remember the non-ASCII words seen (a bounded memo).
const FOLDED = new Memo<string>(10_000);
function foldWord(lower: string): string {
  let folded = FOLDED.get(lower);
  if (folded === undefined) {
    folded = foldDiacritics(lower);
    FOLDED.set(lower, folded);
  }
  return folded;
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
    i += first;
    for (;;) {
      const d = text.charCodeAt(i);
      if (d < 0x80) {
        if (BMP_CLASS[d] !== IN_WORD) break;
        if (d <= 0x5a && d >= 0x41) upper = true;
        i += 1;
        continue;
      }
      const step = wordCharAt(text, i);
      if (step === 0) break;
      ascii = false;
      i += step;
    }
    const previous = tokens[tokens.length - 1];
    // "AI-strategie": a single hyphen between two words joins them into one group.
    const joined = previous !== undefined && start === previous.end + 1 && HYPHENS.has(text[previous.end]!);
    if (!joined) group = tokens.length;
    const surface = i - start > MAX_WORD ? text.slice(start, start + MAX_WORD) : text.slice(start, i);
    // An ASCII word without capitals is its own lowercase form.
    const lower = ascii && !upper ? surface : surface.toLowerCase();
    tokens.push({
      surface,
      lower,
      // Most words are plain ASCII: skip the Unicode decomposition for them.
      folded: ascii ? lower : foldWord(lower),
      start,
      end: i,
      group,
      groupSize: 1,
    });
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
