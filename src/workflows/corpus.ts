// Reading a corpus back for list, show and the comparisons; stale analyses are recomputed in memory.
import { hashText } from '../core/record.js';
import type { CorpusError } from '../errors.js';
import type { ComparedDocument, DocumentView, StoredDocument } from '../model.js';
import { listCorpus } from '../io/corpus-store.js';
import type { TaxonomySource } from './taxonomy-source.js';

/** A corpus as the commands see it. */
export interface LoadedCorpus {
  documents: DocumentView[];
  problems: CorpusError[];
}

/** Returns true when a stored analysis cannot be trusted: another taxonomy, or a body edited by hand. */
export function isStale(doc: StoredDocument, taxonomyVersion: string): boolean {
  return doc.taxonomyVersion !== taxonomyVersion || hashText(doc.body) !== doc.contentHash;
}

function baseOf(doc: StoredDocument) {
  return {
    id: doc.id,
    meta: doc.meta,
    path: doc.path,
    contentHash: doc.contentHash,
    taxonomyVersion: doc.taxonomyVersion,
    encoding: doc.encoding,
    ...(doc.pages ? { pageCount: doc.pages.length } : {}),
  };
}

/** Returns the view of a stored document as stored: its themes with evidence text taken from its body. */
export function storedView(doc: StoredDocument): DocumentView {
  return {
    ...baseOf(doc),
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

/** Returns the views of stored documents: as stored when current, analysed again (in memory) when stale. */
export async function viewDocuments(docs: StoredDocument[], source: TaxonomySource): Promise<DocumentView[]> {
  const version = source.version;
  if (!docs.some((d) => isStale(d, version))) return docs.map(storedView);
  const [lexicon, { analyseDocument }] = await Promise.all([source.lexicon(), import('../core/analyse.js')]);
  return docs.map((doc) => {
    if (!isStale(doc, version)) return storedView(doc);
    const analysis = analyseDocument(lexicon, doc);
    // The analysis is of the body as it is now, so the hash must be too.
    return { ...baseOf(doc), contentHash: hashText(doc.body), language: analysis.language, languages: analysis.languages, themes: analysis.themes, stale: true };
  });
}

/** Returns every readable document of the corpus as a view, and the files that could not be read. */
export async function loadCorpus(dir: string, source: TaxonomySource): Promise<LoadedCorpus> {
  const listing = await listCorpus(dir);
  return { documents: await viewDocuments(listing.documents, source), problems: listing.problems };
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
