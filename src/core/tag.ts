// Passages → theme scores with evidence; passages → document themes.
import type { Evidence, LanguageCode, Passage, PassageAnalysis, PassageTheme, TermMatch, ThemeHit } from '../model.js';
import { findTerms, matchingLanguage, type Lexicon, type RawMatch } from './lexicon.js';
import { tokenize } from './tokens.js';

/** A passage carries a theme when its score reaches this. */
export const PASSAGE_THRESHOLD = 0.5;
/** Passages up to this many words are scored as they are; longer ones are diluted. */
const DENSITY_WORDS = 80;
/** Weight left to a term that is one item of a list of examples. */
const LIST_DISCOUNT = 0.3;
/** Weight left to a term right after an example marker ("such as", "zoals", "notamment"). */
const EXAMPLE_DISCOUNT = 0.5;
/** Extra weight for each repeat of a concept already counted, and its cap per concept. */
const REPEAT_BONUS = 0.25;
const REPEAT_CAP = 0.5;

/** Returns every theme with at least one match in the text, scored; asserted ones have `asserted: true`. */
export function tagPassageText(lexicon: Lexicon, text: string, language: LanguageCode): PassageTheme[] {
  const raw = findTerms(lexicon, text, language);
  if (raw.length === 0) return [];
  const matches = weighMatches(lexicon, text, language, raw);
  const words = tokenize(text).length;
  const density = words <= DENSITY_WORDS ? 1 : Math.sqrt(DENSITY_WORDS / words);
  const byTheme = new Map<string, TermMatch[]>();
  for (const m of matches) {
    const list = byTheme.get(m.theme) ?? [];
    list.push(m);
    byTheme.set(m.theme, list);
  }
  const themes: PassageTheme[] = [];
  for (const theme of lexicon.taxonomy.themes) {
    const list = byTheme.get(theme.id);
    if (!list) continue;
    const evidence = sumConcepts(list) * density;
    const score = round(1 - Math.exp(-evidence));
    const concepts = [...new Set(list.map((m) => m.concept))].sort();
    themes.push({ theme: theme.id, score, asserted: score >= PASSAGE_THRESHOLD, concepts, matches: list });
  }
  return themes.sort((a, b) => b.score - a.score || a.theme.localeCompare(b.theme));
}

function sumConcepts(matches: TermMatch[]): number {
  const byConcept = new Map<string, number[]>();
  for (const m of matches) {
    const list = byConcept.get(m.concept) ?? [];
    list.push(m.weight);
    byConcept.set(m.concept, list);
  }
  let total = 0;
  for (const weights of byConcept.values()) {
    weights.sort((a, b) => b - a);
    const repeats = weights.slice(1).reduce((sum, w) => sum + w * REPEAT_BONUS, 0);
    total += weights[0]! + Math.min(REPEAT_CAP * weights[0]!, repeats);
  }
  return total;
}

// Context discounts: a term that is one item in a list of examples across themes says little.
function weighMatches(lexicon: Lexicon, text: string, language: LanguageCode, raw: RawMatch[]): TermMatch[] {
  const lang = matchingLanguage(language);
  const sentences = splitSentences(text);
  const exampleCue = buildCuePattern(lexicon.taxonomy.cues.examples[lang]);
  const perSentence = sentences.map((s) => {
    const inside = raw.filter((m) => m.start >= s.start && m.start < s.end);
    const themes = new Set(inside.flatMap((m) => m.targets.map((t) => t.theme)));
    const separators = (text.slice(s.start, s.end).match(/[,;/•]|\s(?:en|of|and|or|et|ou|und|oder)\s/g) ?? []).length;
    return { ...s, inside, enumeration: themes.size >= 3 && separators >= 2 };
  });
  const out: TermMatch[] = [];
  for (const m of raw) {
    const sentence = perSentence.find((s) => m.start >= s.start && m.start < s.end);
    for (const target of m.targets) {
      let weight = target.weight;
      if (sentence) {
        const sameTheme = sentence.inside.filter((o) => o.targets.some((t) => t.theme === target.theme)).length;
        if (sentence.enumeration) weight *= LIST_DISCOUNT;
        else if (exampleCue && sameTheme === 1 && exampleCue.test(text.slice(sentence.start, m.start))) {
          weight *= EXAMPLE_DISCOUNT;
        }
      }
      out.push({ theme: target.theme, concept: target.concept, term: m.term, start: m.start, end: m.end, weight: round(weight) });
    }
  }
  return out;
}

function buildCuePattern(cues: string[]): RegExp | undefined {
  if (cues.length === 0) return undefined;
  const escaped = cues.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`(?:^|[^\\p{L}])(?:${escaped.join('|')})(?![\\p{L}])`, 'iu');
}

interface Span {
  start: number;
  end: number;
}

function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /[.!?]+["”»)]?\s+|\n\s*\n|\n(?=\s*[•·▪\-*–]|\s*\d+[.)°]\s)/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (end > start) spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** Returns the passages with languages and theme scores, and the document's asserted themes. */
export function tagPassages(
  lexicon: Lexicon,
  passages: Passage[],
  languages: LanguageCode[],
): { analyses: PassageAnalysis[]; themes: ThemeHit[] } {
  const analyses: PassageAnalysis[] = passages.map((passage, i) => ({
    passage,
    language: languages[i] ?? 'und',
    themes: passage.boilerplate ? [] : tagPassageText(lexicon, passage.text, languages[i] ?? 'und'),
  }));
  return { analyses, themes: aggregateThemes(lexicon, analyses) };
}

/** Returns the document's themes: a theme is asserted when at least one passage asserts it. */
export function aggregateThemes(lexicon: Lexicon, analyses: PassageAnalysis[]): ThemeHit[] {
  const hits: ThemeHit[] = [];
  for (const theme of lexicon.taxonomy.themes) {
    const evidence: Evidence[] = [];
    let miss = 1;
    for (const analysis of analyses) {
      const pt = analysis.themes.find((t) => t.theme === theme.id && t.asserted);
      if (!pt) continue;
      miss *= 1 - pt.score;
      const p = analysis.passage;
      evidence.push({
        text: p.text,
        terms: uniqueTerms(pt.matches),
        start: p.start,
        end: p.end,
        passage: p.index,
        score: pt.score,
        ...(p.page === undefined ? {} : { page: p.page }),
      });
    }
    if (evidence.length === 0) continue;
    evidence.sort((a, b) => b.score - a.score || a.start - b.start);
    hits.push({ id: theme.id, score: round(1 - miss), evidence });
  }
  return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** Returns the distinct matched terms in order of first appearance, as written (case kept). */
export function uniqueTerms(matches: TermMatch[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    const key = m.term.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(m.term);
    }
  }
  return out;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
