// Loading what the comparisons compare: a corpus folder (or the folder as committed at a git revision), filtered.
import { buildCoverage, buildGaps } from '../core/compare.js';
import { buildGapMarker } from '../core/competence.js';
import { filterDocuments } from '../core/filter.js';
import type { Lexicon } from '../core/lexicon.js';
import { buildManifest } from '../core/manifest.js';
import type { CorpusError } from '../errors.js';
import type { AnalysisScope, ComparedDocument, CoverageMatrix, DocumentFilter, GapReport, GroupBy, ThemeId } from '../model.js';
import { listCorpus } from '../io/corpus-store.js';
import { listCorpusAtRevision } from '../io/git-corpus.js';
import { readToolVersion } from '../io/package-info.js';
import { readCompetence } from '../io/read-competence.js';
import { toCompared, viewDocument } from './corpus.js';

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
export async function loadComparedCorpus(dir: string, filters: DocumentFilter[], lexicon: Lexicon, revision?: string): Promise<ComparedCorpus> {
  const listing = revision === undefined ? await listCorpus(dir) : await listCorpusAtRevision(dir, revision);
  const views = listing.documents.map((d) => viewDocument(d, lexicon));
  return {
    documents: filterDocuments(views.map(toCompared), filters),
    themes: lexicon.taxonomy.themes.map((t) => t.id),
    taxonomyVersion: lexicon.taxonomy.version,
    problems: listing.problems,
    stale: views.filter((v) => v.stale).length,
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

/** Returns the theme × group coverage of the corpus for the settings. */
export function buildCorpusCoverage(corpus: ComparedCorpus, settings: CompareSettings): CoverageMatrix {
  return buildCoverage(corpus.documents, corpus.themes, settings.by, settings.minDocs, settings.minScore);
}

/** Returns the gaps of a coverage, each marked with the competence data (the shipped file, or `competenceFile`). */
export function buildMarkedGaps(corpus: ComparedCorpus, settings: CompareSettings, coverage: CoverageMatrix, competenceFile?: string): GapReport {
  const competence = readCompetence(corpus.themes, competenceFile);
  const marker = buildGapMarker({ documents: corpus.documents, competence, minDocs: settings.minDocs, minScore: settings.minScore });
  return { ...buildGaps(coverage, marker, competence.version), competence };
}
