// Why a document carries a theme: every passage that mentions it, with scores and matched terms.
import type { DocumentAnalysis, DocumentMeta, ExplainedTheme, Explanation } from '../model.js';
import { DOCUMENT_THRESHOLD, PASSAGE_THRESHOLD } from './tag.js';

/** Returns the explanation of an analysis: asserted themes first, then (when asked) the others that are mentioned. */
export function explainAnalysis(
  analysis: DocumentAnalysis,
  document: { source: string; id: string; meta: DocumentMeta },
  themeIds: string[],
): Explanation {
  const themes: ExplainedTheme[] = themeIds.map((id) => {
    const hit = analysis.themes.find((t) => t.id === id);
    const passages = analysis.passages.flatMap((pa) => {
      const pt = pa.themes.find((t) => t.theme === id);
      if (!pt) return [];
      const p = pa.passage;
      return [
        {
          passage: p.index,
          start: p.start,
          end: p.end,
          ...(p.page === undefined ? {} : { page: p.page }),
          text: p.text,
          score: pt.score,
          asserted: pt.asserted,
          matches: pt.matches,
        },
      ];
    });
    passages.sort((a, b) => b.score - a.score || a.start - b.start);
    return { id, score: hit?.score ?? 0, asserted: hit !== undefined, passages };
  });
  themes.sort((a, b) => Number(b.asserted) - Number(a.asserted) || b.score - a.score || a.id.localeCompare(b.id));
  return {
    ...document,
    language: analysis.language,
    languages: analysis.languages,
    passageThreshold: PASSAGE_THRESHOLD,
    documentThreshold: DOCUMENT_THRESHOLD,
    themes,
  };
}
