// One input of an ingest run, from its bytes to the text of its corpus file: parse, skip the
// analysis when the stored version is the same, analyse, encode. This is the CPU work of ingest;
// it runs in the main thread or in a worker thread (ingest-worker.ts), so everything it returns is
// plain data that can cross a thread boundary.
import { analyseDocument } from '../core/analyse.js';
import type { Lexicon } from '../core/lexicon.js';
import type { MetaOverrides } from '../core/meta.js';
import { buildStoredDocument, sameDocumentKey } from '../core/record.js';
import { suggestMeta } from '../core/suggest.js';
import { AipolicyError } from '../errors.js';
import type { LanguageCode, MetaSuggestion, ThemeId } from '../model.js';
import { summarize, type DocumentSummary } from '../io/corpus-index.js';
import { corpusPath, encodeStored } from '../io/corpus-store.js';
import { readDocument } from '../io/read-document.js';

/** What every input of a run is read with. */
export interface PrepareSettings {
  corpus: string;
  overrides: MetaOverrides;
  id?: string;
  dryRun: boolean;
}

/** An input ready to be committed: parsed, and analysed and encoded unless its stored version is the same. */
export interface PreparedDocument {
  kind: 'prepared';
  id: string;
  contentHash: string;
  missing?: string[];
  suggestion?: MetaSuggestion;
  /** The stored document has the same text, metadata and taxonomy version: nothing to write. */
  unchanged: boolean;
  language?: LanguageCode;
  themes?: ThemeId[];
  /** The corpus file's text (not for a dry run). */
  content?: string;
  /** What the corpus index keeps of it. */
  summary?: DocumentSummary;
}

/** An input that could not be read or stored, with the error as data. */
export interface FailedInput {
  kind: 'failed';
  message: string;
  exitCode: number;
  file?: string;
}

export type Prepared = PreparedDocument | FailedInput;

/**
 * Returns the prepared input. `current` gives, for a stored id whose analysis is current, its
 * sameDocumentKey. Errors of the input (AipolicyError) are returned as data; anything else is a bug
 * and is thrown.
 */
export async function prepareInput(
  lexicon: Lexicon,
  settings: PrepareSettings,
  current: ReadonlyMap<string, string>,
  bytes: Uint8Array,
  source: string,
): Promise<Prepared> {
  try {
    const parsed = await readDocument(bytes, source, {
      overrides: settings.overrides,
      ...(settings.id === undefined ? {} : { id: settings.id }),
    });
    const missing = (['level', 'country'] as const).filter((field) => parsed.meta[field] === undefined);
    const suggestion = missing.length > 0 ? suggestMeta(parsed.meta, parsed.body) : undefined;
    const base: PreparedDocument = {
      kind: 'prepared',
      id: parsed.id,
      contentHash: parsed.contentHash,
      ...(missing.length > 0 ? { missing: [...missing] } : {}),
      ...(suggestion ? { suggestion } : {}),
      unchanged: false,
    };
    // The key costs a hash: it is computed only for an id the corpus already has, current.
    const stored = current.get(parsed.id);
    if (stored !== undefined && stored === sameDocumentKey(parsed)) return structuredClone({ ...base, unchanged: true });
    const analysis = analyseDocument(lexicon, parsed);
    const doc = buildStoredDocument(parsed, analysis, corpusPath(settings.corpus, parsed.id));
    const content = settings.dryRun ? undefined : encodeStored(settings.corpus, doc);
    // What outlives the input is copied: strings cut from its text (a title parsed from the front
    // matter) would otherwise keep the whole text in memory for the rest of the run.
    const kept = structuredClone({
      ...base,
      language: analysis.language,
      themes: analysis.themes.map((t) => t.id),
      ...(settings.dryRun ? {} : { summary: summarize(doc, false) }),
    });
    return content === undefined ? kept : { ...kept, content };
  } catch (error) {
    if (!(error instanceof AipolicyError)) throw error;
    return structuredClone({ kind: 'failed', message: error.message, exitCode: error.exitCode, ...(error.file === undefined ? {} : { file: error.file }) });
  }
}
