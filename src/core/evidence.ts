// Passage text → weighted term matches per theme: the evidence the scores are computed from.
import type { LanguageCode, TermMatch } from '../model.js';
import { inExample, inTitle, isNearAi, readContext, type Enumeration, type PassageContext } from './context.js';
import { cueLanguage, findTerms, type Lexicon, type RawMatch } from './lexicon.js';
import { tokenize, type Token } from './tokens.js';

/** Weight left to a term that is one item of an enumeration spanning at least LIST_THEMES themes. */
const LIST_DISCOUNT = 0.3;
const LIST_THEMES = 3;
/** Weight left to a term right after an example marker ("such as", "zoals", "notamment"). */
const EXAMPLE_DISCOUNT = 0.5;
/** Weight left to a term inside an office title ("Minister van Economische Zaken en Klimaat"). */
const TITLE_DISCOUNT = 0.2;
const DISCOUNTS = { title: TITLE_DISCOUNT, list: LIST_DISCOUNT, example: EXAMPLE_DISCOUNT } as const;
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
  /** Some match shares a sentence with an AI term ("AI in de zorg"). */
  nearAi: boolean;
  /** Some match is in the passage's first sentence. */
  lead: boolean;
}

/** A passage's evidence for every theme it mentions. */
export interface PassageEvidence {
  words: number;
  aboutAi: boolean;
  themes: ThemeEvidence[];
}

/** What is known of a passage's document when its evidence is collected. */
export interface EvidenceOptions {
  /** The document (or its title) is about AI, so general words on rules and risks count in every passage. */
  documentAboutAi?: boolean;
  /** The passage's tokens, when the caller has them already. */
  tokens?: Token[];
}

/** Returns the weighted matches of a passage grouped by theme (taxonomy order); themes without a match are absent. */
export function collectEvidence(lexicon: Lexicon, text: string, language: LanguageCode, options: EvidenceOptions = {}): PassageEvidence {
  const tokens = options.tokens ?? tokenize(text);
  const raw = findTerms(lexicon, text, language, tokens);
  const words = tokens.length;
  if (raw.length === 0) return { words, aboutAi: false, themes: [] };
  const { matches, aboutAi, context } = weighMatches(lexicon, text, language, raw, options.documentAboutAi === true, tokens);
  const firstEnd = context.sentences[0]?.end ?? text.length;
  // The matches of each theme, in passage order, gathered in one pass.
  const byTheme = new Map<string, Array<{ match: TermMatch; base: number }>>();
  for (const m of matches) {
    const list = byTheme.get(m.match.theme);
    if (list === undefined) byTheme.set(m.match.theme, [m]);
    else list.push(m);
  }
  const themes: ThemeEvidence[] = [];
  for (const theme of lexicon.taxonomy.themes) {
    const list = byTheme.get(theme.id);
    if (list === undefined) continue;
    themes.push({
      theme: theme.id,
      matches: list.map((m) => m.match),
      strength: sumConcepts(list.map((m) => [m.match.concept, m.match.weight])),
      rawStrength: sumConcepts(list.map((m) => [m.match.concept, m.base])),
      concepts: [...new Set(list.map((m) => m.match.concept))].sort(),
      nearAi: list.some((m) => isNearAi(context, m.match.start)),
      lead: list.some((m) => m.match.start < firstEnd),
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
  documentAboutAi: boolean,
  tokens: Token[],
): { matches: Array<{ match: TermMatch; base: number }>; aboutAi: boolean; context: PassageContext } {
  // A list of themes needs terms of LIST_THEMES themes: with fewer, enumerations change nothing.
  const themes = new Set(raw.map((m) => m.targets[0]!.theme));
  const context = readContext(text, lexicon.cues[cueLanguage(language)], documentAboutAi, tokens, themes.size >= LIST_THEMES);
  const lists = context.enumerations.filter((e) => isThemeList(e, raw));
  const out: Array<{ match: TermMatch; base: number }> = [];
  for (const m of raw) {
    // The discount of the match's context, strongest first: a title, a list of themes, an example.
    const discount = inTitle(context, m.start, m.end) ? 'title' : lists.some((e) => m.start >= e.start && m.end <= e.end) ? 'list' : inExample(context, m.start) ? 'example' : undefined;
    for (const target of m.targets) {
      if (target.needsAi && !context.aboutAi) continue;
      const base = context.aboutAi && target.aiWeight !== undefined ? target.aiWeight : target.weight;
      const weight = base * (discount === undefined ? 1 : DISCOUNTS[discount]);
      const match: TermMatch = { theme: target.theme, concept: target.concept, term: m.term, start: m.start, end: m.end, weight: round(weight) };
      if (discount !== undefined) match.discount = discount;
      out.push({ match, base });
    }
  }
  return { matches: out, aboutAi: context.aboutAi, context };
}

// An enumeration is a list of themes (not a string of short clauses) when at least LIST_THEMES of
// its items name a theme and those items name at least LIST_THEMES different themes.
function isThemeList(enumeration: Enumeration, raw: RawMatch[]): boolean {
  const themes = new Set<string>();
  let items = 0;
  for (const item of enumeration.items) {
    const inside = raw.filter((m) => m.start >= item.start && m.end <= item.end);
    if (inside.length === 0) continue;
    items += 1;
    for (const m of inside) themes.add(m.targets[0]!.theme);
  }
  return items >= LIST_THEMES && themes.size >= LIST_THEMES;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
