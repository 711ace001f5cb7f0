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
export type GroupBy = 'level' | 'country' | 'region' | 'document';

/** A document as the comparisons see it: metadata and asserted themes with scores. */
export interface ComparedDocument {
  id: string;
  meta: DocumentMeta;
  language: LanguageCode;
  themes: Array<{ id: ThemeId; score: number }>;
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
}

/** Theme × group coverage. */
export interface CoverageMatrix {
  by: GroupBy;
  minDocs: number;
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
}

/** Themes the first group covers and the second does not. */
export interface Gap {
  from: string;
  to: string;
  themes: ThemeId[];
}

/** Gaps between every ordered pair of groups. */
export interface GapReport {
  coverage: CoverageMatrix;
  gaps: Gap[];
}

/** A required theme a group does not cover enough. */
export interface Shortfall {
  group: string;
  theme: ThemeId;
  documents: number;
  required: number;
}

/** The result of a coverage check. */
export interface CoverageCheck {
  coverage: CoverageMatrix;
  required: ThemeId[];
  shortfalls: Shortfall[];
  passed: boolean;
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
