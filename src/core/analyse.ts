// The pipeline on one body: passages → languages → themes.
import type { DocumentAnalysis, Passage } from '../model.js';
import { detectLanguages } from './language.js';
import type { Lexicon } from './lexicon.js';
import { tagPassages } from './tag.js';
import { splitPagedPassages } from './pages.js';
import { splitPassages } from './text.js';
import { tokenize } from './tokens.js';

/** Returns the analysis of a normalised body: passages with languages and scores, and the document's themes. */
export function analyseBody(lexicon: Lexicon, body: string, passages: Passage[] = splitPassages(body), title = ''): DocumentAnalysis {
  // Each passage is tokenized once: language detection and tagging read the same tokens.
  const tokens = passages.map((p) => (p.boilerplate ? [] : tokenize(p.text)));
  const profile = detectLanguages(passages, tokens);
  const { analyses, themes } = tagPassages(lexicon, passages, profile.passages, title, tokens);
  return {
    language: profile.language,
    languages: profile.languages,
    passages: analyses,
    themes,
    taxonomyVersion: lexicon.taxonomy.version,
  };
}

/** What the analysis needs of a document: its body, its page starts, its title. */
export interface AnalysableDocument {
  body: string;
  pages?: number[] | undefined;
  meta?: { title?: string | undefined };
}

/** Returns the analysis of a document: passages with page numbers when it has pages, its title read as context. */
export function analyseDocument(lexicon: Lexicon, document: AnalysableDocument): DocumentAnalysis {
  return analyseBody(lexicon, document.body, splitPagedPassages(document.body, document.pages), document.meta?.title ?? '');
}
