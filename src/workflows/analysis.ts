// Loading what the comparisons compare: a corpus folder (or the folder as committed at a git revision), filtered.
import { buildCoverage, buildGaps } from '../core/compare.js';
import { filterDocuments } from '../core/filter.js';
import { buildManifest } from '../core/manifest.js';
import type { CorpusError } from '../errors.js';
import type { AnalysisScope, CellEvidence, ComparedDocument, CoverageMatrix, DocumentFilter, DocumentView, Evidence, GapReport, GroupBy, ListedDocument, StoredDocument, StoredEvidence, ThemeId } from '../model.js';
import { openCorpusIndex } from '../io/corpus-index.js';
import { readStoredFile } from '../io/corpus-store.js';
import { readToolVersion } from '../io/package-info.js';
import { toCompared, viewDocuments } from './corpus.js';
import type { TaxonomySource } from './taxonomy-source.js';

/** How the documents are grouped, filtered and counted. */
export interface CompareSettings {
  by: GroupBy;
  minDocs: number;
  minScore: number;
  filters: DocumentFilter[];
  evidence: boolean;
}

/** The documents of a corpus snapshot as the comparisons see them. */
export interface ComparedCorpus {
  documents: ComparedDocument[];
  themes: ThemeId[];
  taxonomyVersion: string;
  /** Files that could not be read as documents (reported, exit 2). */
  problems: CorpusError[];
  /** Documents analysed with another taxonomy or edited by hand, recomputed in memory. */
  stale: number;
}

/** Returns the filtered documents of the corpus folder, or of the folder as committed at `revision` when given. */
export async function loadComparedCorpus(
  dir: string,
  filters: DocumentFilter[],
  source: TaxonomySource,
  revision?: string,
  cacheDir?: string,
): Promise<ComparedCorpus> {
  if (revision === undefined) return loadIndexedCorpus(dir, filters, source, cacheDir);
  const { listCorpusAtRevision } = await import('../io/git-corpus.js');
  const listing = await listCorpusAtRevision(dir, revision);
  const views = await viewDocuments(listing.documents, source);
  return {
    documents: filterDocuments(views.map(toCompared), filters),
    themes: source.themeIds,
    taxonomyVersion: source.version,
    problems: listing.problems,
    stale: views.filter((v) => v.stale).length,
  };
}

// The working folder goes through the index: current documents are compared from their summaries
// (evidence text and terms are read later, for the passages an output cites); stale ones are read
// and analysed one at a time, keeping only their summary.
async function loadIndexedCorpus(dir: string, filters: DocumentFilter[], source: TaxonomySource, cacheDir?: string): Promise<ComparedCorpus> {
  const { problems, each } = await throughIndex(dir, source, cacheDir);
  const documents: ComparedDocument[] = [];
  let stale = 0;
  for await (const read of each) {
    if (read.current) {
      documents.push(read.current);
      continue;
    }
    stale += 1;
    documents.push(detached(toCompared(read.view), read.path));
  }
  return {
    documents: filterDocuments(documents, filters),
    themes: source.themeIds,
    taxonomyVersion: source.version,
    problems,
    stale,
  };
}

/** A document of the corpus index: as indexed when current, else its view analysed again from its file. */
type IndexedRead = { current: ComparedDocument; view?: undefined; path?: undefined } | { current?: undefined; view: DocumentView; path: string };

/**
 * Opens the corpus index (saving it, so that the next run finds it) and returns the files it could
 * not read, and its documents one at a time: current ones from their summaries, stale ones read
 * and analysed again as they come, so that only one body is in memory at a time.
 */
async function throughIndex(dir: string, source: TaxonomySource, cacheDir?: string): Promise<{ problems: CorpusError[]; each: AsyncIterable<IndexedRead> }> {
  const index = await openCorpusIndex(dir, cacheDir);
  await index.save();
  const version = source.version;
  async function* each(): AsyncGenerator<IndexedRead> {
    for (const d of index.takeCompared()) {
      if (d.taxonomyVersion === version && !d.bodyEdited) yield { current: d.document };
      else yield { view: (await viewDocuments([await readStoredFile(d.path)], source))[0]!, path: d.path };
    }
  }
  return { problems: index.problems, each: each() };
}

/**
 * Returns the documents of the corpus folder for `list`, through the index like the comparisons.
 * `list` read every file whole before (10,000 documents: 460 MB and 8.4 s).
 */
export async function listIndexedCorpus(dir: string, source: TaxonomySource, cacheDir?: string): Promise<{ documents: ListedDocument[]; problems: CorpusError[] }> {
  const { problems, each } = await throughIndex(dir, source, cacheDir);
  const documents: ListedDocument[] = [];
  for await (const read of each) {
    const doc = read.current ?? read.view;
    const themes = doc.themes.map((t) => ({ id: t.id, score: t.score }));
    documents.push({ id: doc.id, meta: doc.meta, language: doc.language, themes, stale: read.view !== undefined });
  }
  return { documents, problems };
}

// A document analysed in memory keeps no piece of its body: its evidence text is read again when
// cited, and its terms are copied (a slice of a string keeps the whole string alive).
function detached(doc: ComparedDocument, path: string): ComparedDocument {
  return {
    ...doc,
    path,
    themes: doc.themes.map((t) => ({
      id: t.id,
      score: t.score,
      ...(t.evidence ? { evidence: pendingEvidence(t.evidence, t.evidence.terms.map((term) => Buffer.from(term, 'utf8').toString('utf8'))) } : {}),
    })),
  };
}

/** Returns the scope every analysis output carries: manifest, documents, and whether to show evidence. */
export function buildScope(corpus: ComparedCorpus, settings: CompareSettings, competenceVersion?: string): AnalysisScope {
  const manifest = buildManifest(corpus.documents, {
    version: readToolVersion(),
    taxonomyVersion: corpus.taxonomyVersion,
    ...(competenceVersion === undefined ? {} : { competenceVersion }),
    by: settings.by,
    filters: settings.filters,
  });
  return { manifest, documents: corpus.documents, evidence: settings.evidence };
}

/** Returns the theme × group coverage of the corpus for the settings; every passage is kept for `passagesOf`, the strongest elsewhere. */
export function buildCorpusCoverage(corpus: ComparedCorpus, settings: CompareSettings, passagesOf?: ThemeId): CoverageMatrix {
  // Outputs cite the strongest passage of a cell; only `overlap --theme` lists every passage of its theme.
  const evidence = passagesOf === undefined ? 'strongest' : { theme: passagesOf };
  return buildCoverage(corpus.documents, corpus.themes, settings.by, settings.minDocs, settings.minScore, evidence);
}

/** Returns the gaps of a coverage, each marked with the competence data (the shipped file, or `competenceFile`). */
export async function buildMarkedGaps(corpus: ComparedCorpus, settings: CompareSettings, coverage: CoverageMatrix, competenceFile?: string): Promise<GapReport> {
  const [{ readCompetence }, { buildGapMarker }] = await Promise.all([import('../io/read-competence.js'), import('../core/competence.js')]);
  const competence = readCompetence(corpus.themes, competenceFile);
  const marker = buildGapMarker({ documents: corpus.documents, competence, minDocs: settings.minDocs, minScore: settings.minScore });
  return { ...buildGaps(coverage, marker, competence.version), competence };
}

/** A passage an output cites, with the theme it is evidence for. */
export interface CitedEvidence {
  theme: ThemeId;
  evidence: CellEvidence;
}

/**
 * Fills in the text (and terms) of the evidence an output will show: documents read from the
 * index carry evidence offsets only, and their files are read here for the cited passages alone
 * (the strongest passage of each cell, and every passage of `overlap --theme`).
 */
export async function completeEvidence(documents: ComparedDocument[], cited: CitedEvidence[]): Promise<void> {
  const pending = cited.filter((c) => c.evidence.text === '');
  if (pending.length === 0) return;
  const paths = new Map(documents.map((d) => [d.id, d.path]));
  const stored = new Map<string, StoredDocument>();
  for (const id of new Set(pending.map((c) => c.evidence.document))) {
    const path = paths.get(id);
    if (path === undefined) continue;
    try {
      stored.set(id, await readStoredFile(path));
    } catch {
      // The file changed under us since it was indexed: its evidence stays without text.
    }
  }
  for (const { theme, evidence: e } of pending) {
    const doc = stored.get(e.document);
    if (doc === undefined) continue;
    const passages = doc.themes.find((t) => t.id === theme)?.evidence ?? [];
    if (e.passage === -1) {
      // From the index, the offsets too are still to read: the cited passage is the theme's strongest.
      const strongest = passages[0];
      if (strongest !== undefined) fillEvidence(e, doc.body.slice(strongest.start, strongest.end), strongest.terms, strongest);
      continue;
    }
    // Analysed in memory (stale): offsets and terms are the new analysis's, the text is the body's.
    const same = passages.find((p) => p.start === e.start && p.end === e.end);
    e.text = doc.body.slice(e.start, e.end);
    if (e.terms.length === 0) e.terms = same?.terms ?? [];
  }
}

// Sets every field of cited evidence, keys in the order a complete one has them (page before document).
function fillEvidence(e: CellEvidence, text: string, terms: string[], passage: StoredEvidence): void {
  const { document, title } = e;
  for (const key of Object.keys(e)) delete (e as unknown as Record<string, unknown>)[key];
  Object.assign(e, {
    text,
    terms,
    start: passage.start,
    end: passage.end,
    passage: passage.passage,
    score: passage.score,
    ...(passage.page === undefined ? {} : { page: passage.page }),
    document,
    ...(title === undefined ? {} : { title }),
  });
}

// Evidence whose text is still to be read from the body (keys in the order storedView gives them).
function pendingEvidence(e: Omit<Evidence, 'text' | 'terms'>, terms: string[]): Evidence {
  return {
    text: '',
    terms,
    start: e.start,
    end: e.end,
    passage: e.passage,
    score: e.score,
    ...(e.page === undefined ? {} : { page: e.page }),
  };
}

/** Returns the evidence of a coverage that outputs cite: the strongest passage of each cell. */
export function citedEvidence(coverage: CoverageMatrix): CitedEvidence[] {
  return coverage.cells.flatMap((row) => row.flatMap((cell) => (cell.evidence[0] ? [{ theme: cell.theme, evidence: cell.evidence[0] }] : [])));
}
