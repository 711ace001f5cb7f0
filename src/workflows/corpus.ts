// Reading a corpus back for list, show and the comparisons; stale analyses are recomputed in memory.
import { analyseDocument } from '../core/analyse.js';
import type { Lexicon } from '../core/lexicon.js';
import { hashText } from '../core/record.js';
import type { CorpusError } from '../errors.js';
import type { ComparedDocument, DocumentView, StoredDocument } from '../model.js';
import { listCorpus } from '../io/corpus-store.js';

/** A corpus as the commands see it. */
export interface LoadedCorpus {
  documents: DocumentView[];
  problems: CorpusError[];
}

/** Returns true when a stored analysis cannot be trusted: another taxonomy, or a body edited by hand. */
export function isStale(doc: StoredDocument, lexicon: Lexicon): boolean {
  return doc.taxonomyVersion !== lexicon.taxonomy.version || hashText(doc.body) !== doc.contentHash;
}

/** Returns the view of a stored document: its stored themes with evidence text, or a fresh analysis when stale. */
export function viewDocument(doc: StoredDocument, lexicon: Lexicon): DocumentView {
  const base = {
    id: doc.id,
    meta: doc.meta,
    path: doc.path,
    contentHash: doc.contentHash,
    taxonomyVersion: doc.taxonomyVersion,
    encoding: doc.encoding,
    ...(doc.pages ? { pageCount: doc.pages.length } : {}),
  };
  if (isStale(doc, lexicon)) {
    const analysis = analyseDocument(lexicon, doc);
    // The analysis is of the body as it is now, so the hash must be too.
    return { ...base, contentHash: hashText(doc.body), language: analysis.language, languages: analysis.languages, themes: analysis.themes, stale: true };
  }
  return {
    ...base,
    language: doc.language,
    languages: doc.languages,
    stale: false,
    themes: doc.themes.map((t) => ({
      id: t.id,
      score: t.score,
      evidence: t.evidence.map((e) => ({
        text: doc.body.slice(e.start, e.end),
        terms: e.terms,
        start: e.start,
        end: e.end,
        passage: e.passage,
        score: e.score,
        ...(e.page === undefined ? {} : { page: e.page }),
      })),
    })),
  };
}

/** Returns every readable document of the corpus as a view, and the files that could not be read. */
export async function loadCorpus(dir: string, lexicon: Lexicon): Promise<LoadedCorpus> {
  const listing = await listCorpus(dir);
  return { documents: listing.documents.map((d) => viewDocument(d, lexicon)), problems: listing.problems };
}

/** Returns the comparable form of a document view. */
export function toCompared(view: DocumentView): ComparedDocument {
  return {
    id: view.id,
    meta: view.meta,
    language: view.language,
    contentHash: view.contentHash,
    // Evidence is kept strongest first: the first passage is the one a coverage cell cites.
    themes: view.themes.map((t) => ({ id: t.id, score: t.score, ...(t.evidence[0] ? { evidence: t.evidence[0] } : {}) })),
  };
}
