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

const WORD = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)*/gu;
const PART = /[\p{L}\p{N}]+/gu;
/** Longest word the tokenizer keeps whole; longer runs (a 5 MB "word") are cut. */
const MAX_WORD = 64;

/** Returns the tokens of a text in order; hyphenated words give one token per part. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const word of text.matchAll(WORD)) {
    const base = word.index;
    const group = tokens.length;
    const parts = [...word[0].matchAll(PART)];
    for (const part of parts) {
      const surface = part[0].length > MAX_WORD ? part[0].slice(0, MAX_WORD) : part[0];
      const lower = surface.toLowerCase();
      tokens.push({
        surface,
        lower,
        folded: foldDiacritics(lower),
        start: base + part.index,
        end: base + part.index + part[0].length,
        group,
        groupSize: parts.length,
      });
    }
  }
  return tokens;
}
