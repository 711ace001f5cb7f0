// Unicode-correct tokenising: natural's tokenizers split words at ë, é, ö (see TOOLCHAIN.md).
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

const WORD = /[\p{L}\p{N}]+/gu;
const HYPHENS = new Set(['-', '‐', '‑']);
/** Longest word the tokenizer keeps whole; longer runs (a 5 MB "word") are cut. */
const MAX_WORD = 64;

/** Returns the tokens of a text in order; hyphenated words give one token per part, sharing a group. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let group = 0;
  for (const word of text.matchAll(WORD)) {
    const start = word.index;
    const previous = tokens[tokens.length - 1];
    // "AI-strategie": a single hyphen between two words joins them into one group.
    const joined = previous !== undefined && start === previous.end + 1 && HYPHENS.has(text[previous.end]!);
    if (!joined) group = tokens.length;
    const surface = word[0].length > MAX_WORD ? word[0].slice(0, MAX_WORD) : word[0];
    const lower = surface.toLowerCase();
    tokens.push({
      surface,
      lower,
      // Most words are plain ASCII: skip the Unicode decomposition for them.
      folded: /^[\x00-\x7f]*$/.test(lower) ? lower : foldDiacritics(lower),
      start,
      end: start + word[0].length,
      group,
      groupSize: 1,
    });
    if (joined) for (let i = group; i < tokens.length; i++) tokens[i]!.groupSize = tokens.length - group;
  }
  return tokens;
}

/** Returns the tokens that lie within [start, end) of the text they were cut from (tokens sorted by offset). */
export function tokensBetween(tokens: Token[], start: number, end: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last < tokens.length && tokens[last]!.end <= end) last += 1;
  return tokens.slice(lo, last);
}
