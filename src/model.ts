// Types shared across the pipeline. Types only: values live in core/.

/** ISO 639-1 codes the tool reports; `und` when a text is too short or unclear. */
export type LanguageCode = 'nl' | 'fr' | 'de' | 'en' | 'lb' | 'und';

/** Levels of government, from the widest to the narrowest. */
export type Level = 'eu' | 'benelux' | 'national' | 'federal' | 'regional' | 'local';

/** A theme id of the fixed taxonomy (validated against taxonomy/ at load time). */
export type ThemeId = string;

/** Where a document sits, who published it and when: from front matter or flags. */
export interface DocumentMeta {
  title?: string;
  level?: Level;
  /** ISO 3166 alpha-2 codes, or `EU`; several for Benelux texts. */
  country?: string[];
  region?: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  publisher?: string;
  /** URL or other reference to where the text was taken from. */
  source?: string;
}

/** The kind of block a passage was cut from. */
export type PassageKind = 'paragraph' | 'heading' | 'list-item';

/** A contiguous piece of a document's body, the unit of tagging and language detection. */
export interface Passage {
  index: number;
  /** Offsets into the document body (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  text: string;
  kind: PassageKind;
  /** Page furniture after a "more news" / "share this" marker: kept, never tagged. */
  boilerplate: boolean;
  /** 1-based page number when the source has pages (PDF). */
  page?: number;
}

/** One taxonomy term found in a passage. */
export interface TermMatch {
  theme: ThemeId;
  concept: string;
  /** The matched text as it appears in the passage. */
  term: string;
  /** Offsets into the passage text. */
  start: number;
  end: number;
  /** Weight after context discounts (list of examples, etc.). */
  weight: number;
  /** Why the weight was lowered: one item of a list of themes, an example, a word of an office title. */
  discount?: 'list' | 'example' | 'title';
}

/** A theme's score in one passage, with the matches behind it. */
export interface PassageTheme {
  theme: ThemeId;
  score: number;
  asserted: boolean;
  concepts: string[];
  matches: TermMatch[];
}

/** A passage with its detected language and theme scores. */
export interface PassageAnalysis {
  passage: Passage;
  language: LanguageCode;
  themes: PassageTheme[];
}

/** A passage that supports an asserted theme. */
export interface Evidence {
  text: string;
  terms: string[];
  /** Offsets into the document body. */
  start: number;
  end: number;
  passage: number;
  score: number;
  page?: number;
}

/** A theme asserted for a document, highest score first in lists. */
export interface ThemeHit {
  id: ThemeId;
  score: number;
  evidence: Evidence[];
}

/** Everything the pipeline says about one document's text. */
export interface DocumentAnalysis {
  language: LanguageCode;
  /** Share of the body (by characters of passages with a known language) per language. */
  languages: Partial<Record<LanguageCode, number>>;
  passages: PassageAnalysis[];
  themes: ThemeHit[];
  taxonomyVersion: string;
}

/** A document as read from an input: metadata, body, and where it came from. */
export interface ParsedDocument {
  /** Display name of the input (path or `-`). */
  source: string;
  id: string;
  meta: DocumentMeta;
  body: string;
  /** `sha256:<hex>` of the body. */
  contentHash: string;
  /** Encoding the bytes were decoded from. */
  encoding: string;
  /** Language hint from the source (e.g. `<html lang>`), never trusted over detection. */
  languageHint?: string;
  /** For paged sources (PDF): the body offset where each page starts, page 1 first. */
  pages?: number[];
}

/** A theme as stored in a corpus document's front matter. */
export interface StoredTheme {
  id: ThemeId;
  score: number;
  /** How many passages carry the theme. */
  passages: number;
  terms: string[];
  evidence: StoredEvidence[];
}

/** Evidence as stored: offsets into the stored body, so the text can be checked. */
export interface StoredEvidence {
  passage: number;
  start: number;
  end: number;
  score: number;
  terms: string[];
  page?: number;
}

/** A document as kept in the corpus. */
export interface StoredDocument {
  id: string;
  meta: DocumentMeta;
  language: LanguageCode;
  languages: Partial<Record<LanguageCode, number>>;
  themes: StoredTheme[];
  contentHash: string;
  taxonomyVersion: string;
  encoding: string;
  body: string;
  /** Path of the file in the corpus folder. */
  path: string;
  /** For paged sources (PDF): the body offset where each page starts, so re-analysis keeps page numbers. */
  pages?: number[];
  /** Language the source declared (e.g. `<html lang>`): recorded, never trusted over detection. */
  languageHint?: string;
}

/** How documents are grouped for comparison. */
export type GroupBy = 'level' | 'country' | 'region' | 'document' | 'year' | 'publisher';

/** A document as the comparisons see it: metadata and asserted themes with scores. */
export interface ComparedDocument {
  id: string;
  meta: DocumentMeta;
  language: LanguageCode;
  themes: Array<{ id: ThemeId; score: number; evidence?: Evidence }>;
  /** `sha256:<hex>` of the body, for manifests. */
  contentHash?: string;
  /** The stored file, when the evidence text still has to be read from it. */
  path?: string;
}

/** A group of documents (one level, one country, …). */
export interface Group {
  key: string;
  documents: string[];
}

/** One theme in one group: which documents carry it and how strongly. */
export interface CoverageCell {
  theme: ThemeId;
  group: string;
  /** Ids of the group's documents that assert the theme, strongest first. */
  documents: string[];
  /** Highest document score for the theme in the group (0 when none). */
  score: number;
  covered: boolean;
  /** strong / weak from the score (see STRONG_SCORE), none when no document counts. */
  strength: Strength;
  /** The strongest passage of each counted document, in the order of `documents`. */
  evidence: CellEvidence[];
}

/** Theme × group coverage. */
export interface CoverageMatrix {
  by: GroupBy;
  minDocs: number;
  /** Documents scoring below this on a theme do not count for it. */
  minScore: number;
  themes: ThemeId[];
  groups: Group[];
  /** cells[themeIndex][groupIndex] */
  cells: CoverageCell[][];
}

/** Two groups' shared themes. */
export interface OverlapCell {
  a: string;
  b: string;
  shared: ThemeId[];
  /** |shared| / |themes covered by either|, 0 when neither covers any. */
  jaccard: number;
}

/** Group × group overlap, with the coverage it was computed from. */
export interface OverlapMatrix {
  coverage: CoverageMatrix;
  /** cells[groupIndex][groupIndex] */
  cells: OverlapCell[][];
  /** With --theme: the passages on both sides of every pair of groups that share it. */
  passages?: OverlapPassages;
}

/** Themes the first group covers and the second does not. */
export interface Gap {
  from: string;
  to: string;
  themes: ThemeId[];
  /** Per theme of `themes`: a real gap, or why it is not one. */
  details: GapDetail[];
}

/** Gaps between every ordered pair of groups. */
export interface GapReport {
  coverage: CoverageMatrix;
  gaps: Gap[];
  /** Version of the competence data the gaps were marked with. */
  competenceVersion: string;
  /** The competence data itself, so a report can show who is competent for what and why. */
  competence?: Competence;
}

/** A required theme a group does not cover enough. */
export interface Shortfall {
  group: string;
  theme: ThemeId;
  documents: number;
  required: number;
  /** `missing`: fewer documents than required; `lost`: covered in the baseline, not now. */
  kind: 'missing' | 'lost';
  /** Highest score of the theme in the group (0 when none). */
  score: number;
}

/** The result of a coverage check. */
export interface CoverageCheck {
  coverage: CoverageMatrix;
  required: ThemeId[];
  shortfalls: Shortfall[];
  passed: boolean;
  /** Name of the baseline file compared against, when one was given. */
  baseline?: string;
}

/** What `tag` says about one input: its analysis, or why it could not be read. */
export interface TagResult {
  source: string;
  id?: string;
  meta?: DocumentMeta;
  analysis?: DocumentAnalysis;
  error?: string;
}

/** What `ingest` did with one input. */
export type IngestStatus = 'stored' | 'updated' | 'unchanged' | 'duplicate' | 'failed';

/** One line of the ingest report. */
export interface IngestResult {
  source: string;
  status: IngestStatus;
  id?: string;
  language?: LanguageCode;
  themes?: ThemeId[];
  /** Metadata fields the document lacks (level, country) — reported, never guessed. */
  missing?: string[];
  /** For `duplicate`: the stored document with the same text. */
  duplicateOf?: string;
  /** For `failed`: the reason. */
  error?: string;
  /** Missing metadata the text or source suggests: printed as a suggestion, never stored. */
  suggestion?: MetaSuggestion;
}

/** Level, country or region suggested for a document that lacks them, and what suggested them. */
export interface MetaSuggestion {
  level?: Level;
  country?: string[];
  region?: string;
  /** The phrases or host behind the suggestion, e.g. `'federale overheid'`, `host news.belgium.be`. */
  because: string[];
}

/** A stored document as `list` and `show` present it, with evidence text resolved from the body. */
export interface DocumentView {
  id: string;
  meta: DocumentMeta;
  language: LanguageCode;
  languages: Partial<Record<LanguageCode, number>>;
  themes: ThemeHit[];
  /** True when the stored analysis came from another taxonomy version or the body was edited: recomputed in memory. */
  stale: boolean;
  path: string;
  contentHash: string;
  taxonomyVersion: string;
  /** Encoding the source bytes were decoded from (`pdf`, `docx` for those formats). */
  encoding?: string;
  /** Number of pages, for paged sources. */
  pageCount?: number;
}

/** A document as `list` shows it: where it is from, its language and its themes with their scores. */
export interface ListedDocument {
  id: string;
  meta: DocumentMeta;
  language: LanguageCode;
  themes: Array<{ id: ThemeId; score: number }>;
  /** Analysed with another taxonomy version or edited by hand: recomputed in memory. */
  stale: boolean;
}

/** A theme as the taxonomy command shows it: term counts per language. */
export interface ThemeSummary {
  id: ThemeId;
  label: string;
  scope: string;
  concepts: number;
  terms: Record<'nl' | 'fr' | 'de' | 'en', number>;
}

/** The taxonomy command's result. */
export interface TaxonomyReport {
  version: string;
  themes: ThemeSummary[];
  problems: Array<{ theme: ThemeId; concept?: string; message: string }>;
  checked: boolean;
}

/** Coverage strength of a cell. */
export type Strength = 'strong' | 'weak' | 'none';

/** A document's strongest passage for a theme, as a coverage cell shows it. */
export interface CellEvidence extends Evidence {
  document: string;
  title?: string;
}

/** Fields documents can be filtered on (`--where field=a,b`, `--country`, `--lang`). */
export type FilterField = GroupBy | 'language';

/** Keep documents whose `field` has one of `values` (case-insensitive). */
export interface DocumentFilter {
  field: FilterField;
  values: string[];
}

/** One theme's passages on both sides of each pair of groups that share it. */
export interface OverlapPassages {
  theme: ThemeId;
  pairs: Array<{ a: string; b: string; aEvidence: CellEvidence[]; bEvidence: CellEvidence[] }>;
}

/** What a gap means once competences are known. */
export type GapStatus = 'real gap' | 'not competent' | 'covered by a higher level';

/** One theme of a gap, marked. */
export interface GapDetail {
  theme: ThemeId;
  status: GapStatus;
  /** Why: the competence entry or the higher-level documents. */
  reason: string;
}

/** How far a level of government is competent for a theme. */
export type CompetenceLevel = 'full' | 'partial' | 'none';

/** Who is competent for one theme in one country, with the sources that say so. */
export interface CompetenceEntry {
  levels: Partial<Record<Level, CompetenceLevel>>;
  approximate: boolean;
  note: string;
  sources: string[];
}

/** One country's levels of government and their competences per theme. */
export interface CountryCompetence {
  name: string;
  /** Level → what it is in that country (e.g. regional → provinces). */
  levels: Partial<Record<Level, string>>;
  themes: Record<ThemeId, CompetenceEntry>;
}

/** The competence data (taxonomy/competence.yml), validated. */
export interface Competence {
  version: string;
  countries: Record<string, CountryCompetence>;
}

/** What an analysis was computed from: enough to reproduce or audit it. */
export interface Manifest {
  tool: string;
  version: string;
  taxonomyVersion: string;
  competenceVersion?: string;
  by: GroupBy;
  filters: DocumentFilter[];
  documents: Array<{ id: string; contentHash: string }>;
}

/** Why a document made a group gain or lose a theme. */
export type DiffCause = 'added' | 'removed' | 'regrouped' | 'retagged';

/** A theme a group gained or lost between two snapshots, and the documents that caused it. */
export interface ThemeChange {
  group: string;
  theme: ThemeId;
  change: 'gained' | 'lost';
  documents: Array<{ id: string; cause: DiffCause }>;
}

/** The difference between two snapshots of a corpus. */
export interface CoverageDiff {
  before: CoverageMatrix;
  after: CoverageMatrix;
  /** Labels of the two snapshots (folder or git revision). */
  beforeLabel: string;
  afterLabel: string;
  added: string[];
  removed: string[];
  changes: ThemeChange[];
}

/** What every analysis output carries besides its result: its manifest, the documents compared, whether to show evidence. */
export interface AnalysisScope {
  manifest: Manifest;
  documents: ComparedDocument[];
  /** Show the strongest evidence passage of each cell (`--evidence`; always in the HTML report). */
  evidence: boolean;
}

/** One passage's part in a theme, for `explain`. */
export interface ExplainedPassage {
  passage: number;
  start: number;
  end: number;
  page?: number;
  text: string;
  score: number;
  asserted: boolean;
  matches: TermMatch[];
}

/** One theme of a document, with every passage that mentions it. */
export interface ExplainedTheme {
  id: ThemeId;
  /** Document score (0 when no passage asserts it). */
  score: number;
  asserted: boolean;
  passages: ExplainedPassage[];
}

/** What `explain` shows: why each theme is (or is not) asserted for a document. */
export interface Explanation {
  source: string;
  id: string;
  meta: DocumentMeta;
  language: LanguageCode;
  languages: Partial<Record<LanguageCode, number>>;
  passageThreshold: number;
  documentThreshold: number;
  themes: ExplainedTheme[];
}

/** What kind of problem `verify` found in a corpus. */
export type CorpusProblemKind =
  | 'unreadable'
  | 'encoding'
  | 'front-matter'
  | 'schema'
  | 'file-name'
  | 'content-hash'
  | 'stale'
  | 'evidence'
  | 'duplicate-id'
  | 'duplicate-content'
  | 'temp-file'
  | 'lock';

/** One problem `verify` found: the file, what kind of problem, and what is wrong in one line. */
export interface CorpusProblem {
  file: string;
  kind: CorpusProblemKind;
  message: string;
}

/** The result of `verify`: documents checked, every problem found, and whether the corpus is clean. */
export interface VerifyReport {
  corpus: string;
  documents: number;
  problems: CorpusProblem[];
  /** Things worth knowing that are not problems (a run holding the lock right now). */
  notes: string[];
  passed: boolean;
}
