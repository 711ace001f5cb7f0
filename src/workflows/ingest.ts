// ingest: inputs → parsed documents → analysis → the corpus, one document at a time, a bad one never stopping the rest.
import { analyseDocument } from '../core/analyse.js';
import type { Lexicon } from '../core/lexicon.js';
import type { MetaOverrides } from '../core/meta.js';
import { buildStoredDocument, hashText } from '../core/record.js';
import { suggestMeta } from '../core/suggest.js';
import { AipolicyError, CorpusWriteError, formatMessage } from '../errors.js';
import type { IngestResult, ParsedDocument, StoredDocument } from '../model.js';
import { withCorpusLock, type LockOwner } from '../io/corpus-lock.js';
import { corpusPath, listCorpus, removeLeftoverTemps, writeStored } from '../io/corpus-store.js';
import type { WriteFaults } from '../io/fault.js';
import { readDocument } from '../io/read-document.js';
import { collectInputs, readInput, type InputRef, type SkippedInput } from '../io/read-input.js';
import { stat } from 'node:fs/promises';

/** Options of an ingest run. */
export interface IngestOptions {
  corpus: string;
  lexicon: Lexicon;
  overrides: MetaOverrides;
  id?: string;
  dryRun: boolean;
  stdin: NodeJS.ReadableStream;
  /** Called after each input with the number done and the total (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Who holds the corpus lock while writing, and how long to wait for another run (not used by a dry run). */
  lock?: CorpusLockOptions;
  /** One-line messages for stderr: waiting for the lock, leftovers removed. */
  notify?: (message: string) => void;
  /** Test hook simulating a full disk (AIPOLICY_FAULT). */
  faults?: WriteFaults | undefined;
}

/** The lock settings an ingest or refresh run passes on: who it is and how long it waits. */
export interface CorpusLockOptions {
  owner: LockOwner;
  timeoutMs: number;
}

/** An ingest run's report: one result per input in order, the files skipped, and corpus files that could not be read. */
export interface IngestReport {
  results: IngestResult[];
  skipped: SkippedInput[];
  corpusProblems: AipolicyError[];
}

/** Returns what happened to each input: stored, updated, unchanged, duplicate or failed (with the reason). */
export async function ingestPaths(args: string[], options: IngestOptions): Promise<IngestReport> {
  const { inputs, skipped } = await collectInputs(args);
  const run = async (): Promise<IngestReport> => {
    const existing = await readExisting(options.corpus);
    const results = await ingestInputs(inputs, existing.documents, options);
    return { results, skipped, corpusProblems: existing.problems };
  };
  if (options.dryRun) return run();
  return withWriteLock(options.corpus, 'ingest', options, run);
}

/** Runs `work` holding the corpus lock (when the options give one), after removing what killed runs left behind. */
export async function withWriteLock<T>(corpus: string, command: string, options: Pick<IngestOptions, 'lock' | 'notify'>, work: () => Promise<T>): Promise<T> {
  const lock = options.lock;
  if (lock === undefined) return work();
  const notify = options.notify ?? (() => undefined);
  return withCorpusLock(corpus, { owner: lock.owner, timeoutMs: lock.timeoutMs, command, notify }, async () => {
    const removed = await removeLeftoverTemps(corpus, lock.owner.isRunning);
    if (removed.length > 0) {
      notify(formatMessage(corpus, `removed ${removed.length} temporary file${removed.length === 1 ? '' : 's'} left by an interrupted run`));
    }
    return work();
  });
}

async function ingestInputs(inputs: InputRef[], documents: Map<string, StoredDocument>, options: IngestOptions): Promise<IngestResult[]> {
  const byHash = new Map<string, string>();
  for (const doc of documents.values()) byHash.set(doc.contentHash, doc.id);
  const claimed = new Map<string, string>();
  const results: IngestResult[] = [];
  for (const [done, input] of inputs.entries()) {
    options.onProgress?.(done, inputs.length);
    if (input.error) {
      results.push(failed(input.source, input.error));
      continue;
    }
    try {
      const bytes = await readInput(input, options.stdin);
      const parsed = await readDocument(bytes, input.source, {
        overrides: options.overrides,
        ...(options.id === undefined ? {} : { id: options.id }),
      });
      const earlier = claimed.get(parsed.id);
      if (earlier !== undefined) {
        throw new AipolicyError(`id "${parsed.id}" is already taken by ${earlier} in this run: give one of them an "id:" in its front matter`, 2, input.source);
      }
      claimed.set(parsed.id, input.source);
      const missing = (['level', 'country'] as const).filter((field) => parsed.meta[field] === undefined);
      const suggestion = missing.length > 0 ? suggestMeta(parsed.meta, parsed.body) : undefined;
      const base = {
        source: input.source,
        id: parsed.id,
        ...(missing.length > 0 ? { missing: [...missing] } : {}),
        ...(suggestion ? { suggestion } : {}),
      };
      const previous = documents.get(parsed.id);
      if (previous && isUnchanged(previous, parsed, options.lexicon)) {
        results.push({ ...base, status: 'unchanged', language: previous.language, themes: previous.themes.map((t) => t.id) });
        continue;
      }
      const twin = byHash.get(parsed.contentHash);
      if (twin !== undefined && twin !== parsed.id) {
        results.push({ ...base, status: 'duplicate', duplicateOf: twin });
        continue;
      }
      const analysis = analyseDocument(options.lexicon, parsed);
      const stored = buildStoredDocument(parsed, analysis, corpusPath(options.corpus, parsed.id));
      if (!options.dryRun) await writeStored(options.corpus, stored, { faults: options.faults });
      documents.set(stored.id, stored);
      byHash.set(stored.contentHash, stored.id);
      results.push({ ...base, status: previous ? 'updated' : 'stored', language: analysis.language, themes: analysis.themes.map((t) => t.id) });
    } catch (error) {
      if (!(error instanceof AipolicyError)) throw error;
      results.push(failed(input.source, error));
      // A full or read-only disk fails every later write too: stop, and say which inputs were not read.
      if (error instanceof CorpusWriteError) {
        for (const rest of inputs.slice(done + 1)) results.push({ source: rest.source, status: 'failed', error: 'not read: the run stopped because the corpus cannot be written' });
        break;
      }
    }
  }
  options.onProgress?.(inputs.length, inputs.length);
  return results;
}

function failed(source: string, error: AipolicyError): IngestResult {
  return { source, status: 'failed', error: error.message };
}

// Page offsets, encoding and language hint are stored too: a change in any of them is an update.
function isUnchanged(previous: StoredDocument, parsed: ParsedDocument, lexicon: Lexicon): boolean {
  return (
    previous.contentHash === parsed.contentHash &&
    hashText(previous.body) === parsed.contentHash &&
    previous.taxonomyVersion === lexicon.taxonomy.version &&
    JSON.stringify(previous.meta) === JSON.stringify(parsed.meta) &&
    JSON.stringify(previous.pages) === JSON.stringify(parsed.pages) &&
    previous.encoding === parsed.encoding &&
    previous.languageHint === parsed.languageHint
  );
}

async function readExisting(dir: string): Promise<{ documents: Map<string, StoredDocument>; problems: AipolicyError[] }> {
  try {
    await stat(dir);
  } catch {
    return { documents: new Map(), problems: [] };
  }
  const listing = await listCorpus(dir);
  return { documents: new Map(listing.documents.map((d) => [d.id, d])), problems: listing.problems };
}
