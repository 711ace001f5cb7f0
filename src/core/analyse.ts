// The pipeline on one body: passages → languages → themes.
import type { DocumentAnalysis, Passage } from '../model.js';
import { detectLanguages } from './language.js';
import type { Lexicon } from './lexicon.js';
import { tagPassages } from './tag.js';
import { splitPagedPassages } from './pages.js';
import { splitPassages } from './text.js';

/** Returns the analysis of a normalised body: passages with languages and scores, and the document's themes. */
export function analyseBody(lexicon: Lexicon, body: string, passages: Passage[] = splitPassages(body)): DocumentAnalysis {
  const profile = detectLanguages(passages);
  const { analyses, themes } = tagPassages(lexicon, passages, profile.passages);
  return {
    language: profile.language,
    languages: profile.languages,
    passages: analyses,
    themes,
    taxonomyVersion: lexicon.taxonomy.version,
  };
}

/** Returns the analysis of a document body, passages carrying page numbers when the document has pages. */
export function analyseDocument(lexicon: Lexicon, document: { body: string; pages?: number[] | undefined }): DocumentAnalysis {
  return analyseBody(lexicon, document.body, splitPagedPassages(document.body, document.pages));
}
