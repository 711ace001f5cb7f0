// Passages → theme scores with evidence; passages → document themes.
import type { Evidence, LanguageCode, Passage, PassageAnalysis, PassageTheme, TermMatch, ThemeHit } from '../model.js';
import { scoreFeatures, themeFeatures } from './calibration.js';
import { collectEvidence } from './evidence.js';
import type { Lexicon } from './lexicon.js';

/** A passage carries a theme when its calibrated score reaches this. */
export const PASSAGE_THRESHOLD = 0.5;

/** One theme's features in a passage (for fitting the calibration). */
export interface ThemeFeatures {
  theme: string;
  features: number[];
}

/** Returns the feature vector of every theme the text mentions. */
export function passageFeatures(lexicon: Lexicon, text: string, language: LanguageCode): ThemeFeatures[] {
  const evidence = collectEvidence(lexicon, text, language);
  return evidence.themes.map((t) => ({ theme: t.theme, features: themeFeatures(t, evidence) }));
}

/** Returns every theme with at least one match in the text, scored; asserted ones have `asserted: true`. */
export function tagPassageText(lexicon: Lexicon, text: string, language: LanguageCode): PassageTheme[] {
  const evidence = collectEvidence(lexicon, text, language);
  const themes: PassageTheme[] = evidence.themes.map((t) => {
    const score = round(scoreFeatures(lexicon.taxonomy.calibration, t.theme, themeFeatures(t, evidence)));
    return { theme: t.theme, score, asserted: score >= PASSAGE_THRESHOLD, concepts: t.concepts, matches: t.matches };
  });
  return themes.sort((a, b) => b.score - a.score || a.theme.localeCompare(b.theme));
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
