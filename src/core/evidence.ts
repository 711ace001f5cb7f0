// Passage text → weighted term matches per theme: the evidence the scores are computed from.
import type { LanguageCode, TermMatch } from '../model.js';
import { contextsOf, readContext } from './context.js';
import { cueLanguage, findTerms, type Lexicon, type RawMatch } from './lexicon.js';
import { tokenize } from './tokens.js';

/** Weight left to a term that is one item of an enumeration spanning at least LIST_THEMES themes. */
const LIST_DISCOUNT = 0.3;
const LIST_THEMES = 3;
/** Weight left to a term right after an example marker ("such as", "zoals", "notamment"). */
const EXAMPLE_DISCOUNT = 0.5;
/** Weight left to a term inside an office title ("Minister van Economische Zaken en Klimaat"). */
const TITLE_DISCOUNT = 0.2;
/** Extra weight for each repeat of a concept already counted, and its cap per concept. */
const REPEAT_BONUS = 0.25;
const REPEAT_CAP = 0.5;

/** One theme's evidence in a passage. */
export interface ThemeEvidence {
  theme: string;
  matches: TermMatch[];
  /** Sum over concepts of the strongest weight plus a capped bonus for repeats, after discounts. */
  strength: number;
  /** The same sum before context discounts. */
  rawStrength: number;
  concepts: string[];
}

/** A passage's evidence for every theme it mentions. */
export interface PassageEvidence {
  words: number;
  aboutAi: boolean;
  themes: ThemeEvidence[];
}

/** Returns the weighted matches of a passage grouped by theme (taxonomy order); themes without a match are absent. */
export function collectEvidence(lexicon: Lexicon, text: string, language: LanguageCode): PassageEvidence {
  const raw = findTerms(lexicon, text, language);
  const words = tokenize(text).length;
  if (raw.length === 0) return { words, aboutAi: false, themes: [] };
  const { matches, aboutAi } = weighMatches(lexicon, text, language, raw);
  const themes: ThemeEvidence[] = [];
  for (const theme of lexicon.taxonomy.themes) {
    const list = matches.filter((m) => m.match.theme === theme.id);
    if (list.length === 0) continue;
    themes.push({
      theme: theme.id,
      matches: list.map((m) => m.match),
      strength: sumConcepts(list.map((m) => [m.match.concept, m.match.weight])),
      rawStrength: sumConcepts(list.map((m) => [m.match.concept, m.base])),
      concepts: [...new Set(list.map((m) => m.match.concept))].sort(),
    });
  }
  return { words, aboutAi, themes };
}

function sumConcepts(items: Array<[string, number]>): number {
  const byConcept = new Map<string, number[]>();
  for (const [concept, weight] of items) {
    const list = byConcept.get(concept) ?? [];
    list.push(weight);
    byConcept.set(concept, list);
  }
  let total = 0;
  for (const weights of byConcept.values()) {
    weights.sort((a, b) => b - a);
    const repeats = weights.slice(1).reduce((sum, w) => sum + w * REPEAT_BONUS, 0);
    total += weights[0]! + Math.min(REPEAT_CAP * weights[0]!, repeats);
  }
  return total;
}

// Context discounts: a term that is one item in a list spanning several themes, an example after
// "such as", or a word of a minister's title says little about what the passage is about.
function weighMatches(
  lexicon: Lexicon,
  text: string,
  language: LanguageCode,
  raw: RawMatch[],
): { matches: Array<{ match: TermMatch; base: number }>; aboutAi: boolean } {
  const context = readContext(text, cueLanguage(language), lexicon.taxonomy.cues);
  const themesIn = context.enumerations.map(
    (e) => new Set(raw.filter((m) => m.start >= e.start && m.end <= e.end).flatMap((m) => m.targets.map((t) => t.theme))),
  );
  const out: Array<{ match: TermMatch; base: number }> = [];
  for (const m of raw) {
    const kinds = contextsOf(context, m.start, m.end);
    const enumeration = context.enumerations.findIndex((e) => m.start >= e.start && m.end <= e.end);
    for (const target of m.targets) {
      if (target.needsAi && !context.aboutAi) continue;
      const base = context.aboutAi && target.aiWeight !== undefined ? target.aiWeight : target.weight;
      let weight = base;
      if (kinds.has('title')) weight *= TITLE_DISCOUNT;
      else if (enumeration !== -1 && themesIn[enumeration]!.size >= LIST_THEMES) weight *= LIST_DISCOUNT;
      else if (kinds.has('example')) weight *= EXAMPLE_DISCOUNT;
      out.push({
        match: { theme: target.theme, concept: target.concept, term: m.term, start: m.start, end: m.end, weight: round(weight) },
        base,
      });
    }
  }
  return { matches: out, aboutAi: context.aboutAi };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
