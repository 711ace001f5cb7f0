// ingest: inputs → parsed documents → analysis → the corpus, one document at a time, a bad one never stopping the rest.
import { mkdir, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import type { MetaOverrides } from '../core/meta.js';
import { AipolicyError, CorpusError, CorpusWriteError, formatMessage } from '../errors.js';
import type { IngestResult, IngestStatus, LanguageCode, MetaSuggestion, ThemeId } from '../model.js';
import { openCorpusIndex, type CorpusIndex } from '../io/corpus-index.js';
import { boundWorkerHeaps } from '../io/heap.js';
import { withCorpusLock, type LockOwner } from '../io/corpus-lock.js';
import { CorpusWriter, FLUSH_GROUP, removeLeftoverTemps, WriteStoppedError } from '../io/corpus-store.js';
import type { WriteFaults } from '../io/fault.js';
import { collectInputs, readInput, type InputRef, type SkippedInput } from '../io/read-input.js';
import { sameDocumentKey } from '../core/record.js';
import type { Prepared } from './prepare-input.js';
import type { TaxonomySource } from './taxonomy-source.js';
import { inThread, sharedPool, workerPool } from './preparers.js';

/** Options of an ingest run. */
export interface IngestOptions {
  corpus: string;
  /** The taxonomy: its version decides what is current; its lexicon is compiled only where inputs are prepared. */
  taxonomy: TaxonomySource;
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
  /** Threads preparing inputs: a number (1: this thread, N: N workers), or `auto` for a worker per core but one from AUTO_JOBS_MIN inputs, this thread taking its share from SHARED_FROM (default 1). */
  jobs?: number | 'auto';
  /** Where the lexicon's taxonomy lives, for worker threads (default: the shipped one). */
  taxonomyDir?: string | undefined;
  /** Where the corpus index is cached (default: none, every stored file is read). */
  cacheDir?: string | undefined;
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
    const existing = await openExisting(options.corpus, options.cacheDir, options.dryRun);
    const results = await ingestInputs(inputs, existing, options);
    if (!options.dryRun) await existing.index?.save();
    return { results, skipped, corpusProblems: existing.problems };
  };
  if (options.dryRun) return run();
  const made = await missingFolders(options.corpus);
  const report = await withWriteLock(options.corpus, 'ingest', options, run);
  // A run that stored nothing in a corpus it created (every input failed) leaves no empty folder behind.
  if (made.length > 0 && !report.results.some((r) => r.status === 'stored')) await removeEmpty(made);
  return report;
}

/** Returns the folders of `dir` that do not exist yet, the deepest first (the ones a run would create). */
async function missingFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let at = resolve(dir); ; at = dirname(at)) {
    try {
      await stat(at);
      return missing;
    } catch {
      missing.push(at);
      if (dirname(at) === at) return missing;
    }
  }
}

/** Removes the folders, deepest first, while they are empty (rmdir refuses one that is not). */
async function removeEmpty(folders: string[]): Promise<void> {
  for (const folder of folders) {
    try {
      await rmdir(folder);
    } catch {
      return;
    }
  }
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

/** Inputs read ahead of the one being committed, per thread preparing them. */
const READ_AHEAD = 8;
/** Writes in flight (temporary files written, waiting for their group's flush and their rename) before the run waits for the oldest: two groups, so that one fills while the other is flushed. */
export const WRITES_IN_FLIGHT = 2 * FLUSH_GROUP;
/** The message of every input a stopped run did not store. */
export const STOPPED = 'not stored: the run stopped because the corpus cannot be written';

/** An input on its way through the run: read and prepared ahead, committed in input order. */
interface InFlight {
  at: number;
  input: InputRef;
  prepared: Promise<Prepared>;
}

/** The key stored texts are known by: 128 bits of their hash as 16 one-byte characters (a fifth of the memory of the whole hash, for each document). */
function textKey(contentHash: string): string {
  return Buffer.from(contentHash.slice(7, 39), 'hex').toString('latin1');
}

async function ingestInputs(inputs: InputRef[], existing: ExistingCorpus, options: IngestOptions): Promise<IngestResult[]> {
  const version = options.taxonomy.version;
  // Stored texts by key, and, for those being written, whether the write succeeds (a later copy is a duplicate only then).
  const byHash = new Map<string, string>();
  const writing = new Map<string, Promise<boolean>>();
  const current = new Map<string, string>();
  for (const doc of existing.index?.each() ?? []) {
    byHash.set(textKey(doc.contentHash), doc.id);
    if (doc.taxonomyVersion === version && !doc.bodyEdited) current.set(doc.id, sameDocumentKey(doc));
  }
  const workers = workerCount(options.jobs ?? 1, inputs.length);
  const sharing = sharesWork(options.jobs ?? 1, inputs.length, workers);
  const settings = { corpus: options.corpus, overrides: options.overrides, dryRun: options.dryRun, ...(options.id === undefined ? {} : { id: options.id }) };
  const preparerOptions = { taxonomy: options.taxonomy, taxonomyDir: options.taxonomyDir, settings, current };
  if (workers > 0) boundWorkerHeaps();
  const preparer = sharing ? await sharedPool(workers, preparerOptions) : workers > 0 ? await workerPool(workers, preparerOptions) : inThread(preparerOptions);
  const jobs = Math.max(1, workers + (sharing ? 1 : 0));
  const writer = options.dryRun ? undefined : new CorpusWriter(options.corpus, { faults: options.faults });
  const results = new Array<IngestResult | undefined>(inputs.length);
  const writes: Array<Promise<void>> = [];
  const claimed = new Map<string, string>();
  // Theme lists repeat from document to document: results share one array per list, and every
  // list and result the one string of each theme id and language (each input brings its own copies).
  const themeLists = new Map<string, string[]>();
  const strings = new Map<string, string>();
  const canonical = <T extends string>(value: T): T => {
    const known = strings.get(value);
    if (known !== undefined) return known as T;
    strings.set(value, value);
    return value;
  };
  const shared = (themes: string[]): string[] => {
    const key = themes.join(' ');
    const known = themeLists.get(key);
    if (known) return known;
    const list = themes.map(canonical);
    themeLists.set(key, list);
    return list;
  };
  const queue: InFlight[] = [];
  let committed = 0;
  // The first input whose write found the corpus unwritable: every input after it is reported as not stored.
  let stoppedAt = inputs.length;

  const commit = async (item: InFlight): Promise<void> => {
    const { at, input } = item;
    const prepared = await item.prepared;
    options.onProgress?.(committed++, inputs.length);
    if (writer?.isStopped) {
      results[at] = failedResult(input.source, STOPPED);
      return;
    }
    if (prepared.kind === 'failed') {
      results[at] = failedResult(input.source, prepared.message);
      return;
    }
    const earlier = claimed.get(prepared.id);
    if (earlier !== undefined) {
      const message = `id "${prepared.id}" is already taken by ${earlier} in this run: give one of them an "id:" in its front matter`;
      results[at] = failedResult(input.source, message);
      return;
    }
    claimed.set(prepared.id, input.source);
    const base = { source: input.source, id: prepared.id, missing: prepared.missing, suggestion: prepared.suggestion };
    const previous = existing.index?.get(prepared.id);
    if (previous && prepared.unchanged) {
      results[at] = makeResult(base, { status: 'unchanged', language: canonical(previous.language), themes: shared(previous.themes.map((t) => t.id)) });
      return;
    }
    const key = textKey(prepared.contentHash);
    const twin = byHash.get(key);
    if (twin !== undefined && twin !== prepared.id && (await (writing.get(key) ?? true))) {
      results[at] = makeResult(base, { status: 'duplicate', duplicateOf: twin });
      return;
    }
    const done = makeResult(base, { status: previous ? 'updated' : 'stored', language: canonical(prepared.language!), themes: shared(prepared.themes!) });
    byHash.set(key, prepared.id);
    if (writer === undefined) {
      results[at] = done;
      return;
    }
    // The callbacks keep the summary and the id, not the prepared input with its encoded text.
    const { id, summary } = prepared;
    const write = writer.write(id, prepared.content!).then(
      () => {
        existing.index?.record(summary!);
        results[at] = done;
        return true;
      },
      (error: unknown) => {
        if (!(error instanceof CorpusError)) throw error;
        if (error instanceof CorpusWriteError && !(error instanceof WriteStoppedError)) stoppedAt = Math.min(stoppedAt, at);
        results[at] = failedResult(input.source, error instanceof WriteStoppedError ? STOPPED : error.message);
        return false;
      },
    );
    writing.set(key, write);
    const settled = write.then((ok) => {
      if (writing.get(key) === write) writing.delete(key);
      if (!ok && byHash.get(key) === id) byHash.delete(key);
    });
    writes.push(settled);
    if (writes.length >= WRITES_IN_FLIGHT) await writes.shift();
  };

  const start = async (input: InputRef): Promise<Prepared> => {
    if (input.error) return { kind: 'failed', message: input.error.message, exitCode: input.error.exitCode };
    try {
      return await preparer.prepare(await readInput(input, options.stdin), input.source);
    } catch (error) {
      if (error instanceof AipolicyError) return { kind: 'failed', message: error.message, exitCode: error.exitCode };
      throw error;
    }
  };

  try {
    for (const [at, input] of inputs.entries()) {
      if (writer?.isStopped) break;
      queue.push({ at, input, prepared: start(input) });
      if (queue.length >= READ_AHEAD * jobs) await commit(queue.shift()!);
    }
    while (queue.length > 0) await commit(queue.shift()!);
    await Promise.all(writes);
    await writer?.close();
  } finally {
    // Whatever was read ahead and not committed is awaited, so no promise is left to fail unseen.
    await Promise.allSettled(queue.map((item) => item.prepared));
    await preparer.close();
  }
  options.onProgress?.(inputs.length, inputs.length);
  // A full or read-only disk fails every later write too: the run stops, and says which inputs it did not store.
  return inputs.map((input, at) => (at <= stoppedAt && results[at]) || failedResult(input.source, STOPPED));
}

// Results are built field by field in one order (the order of the JSON output): objects built by
// spreading got a hidden class each in V8, which at 100,000 inputs cost tens of megabytes.
function makeResult(
  base: { source: string; id: string; missing?: string[] | undefined; suggestion?: MetaSuggestion | undefined },
  outcome: { status: IngestStatus; language?: LanguageCode; themes?: ThemeId[]; duplicateOf?: string },
): IngestResult {
  // The common shapes in one literal each: an object grown field by field past its first fields
  // keeps the later ones in a second block of memory, one more allocation per result.
  if (base.missing === undefined && base.suggestion === undefined) {
    if (outcome.duplicateOf !== undefined && outcome.language === undefined && outcome.themes === undefined) {
      return { source: base.source, id: base.id, status: outcome.status, duplicateOf: outcome.duplicateOf };
    }
    if (outcome.duplicateOf === undefined) return { source: base.source, id: base.id, status: outcome.status, language: outcome.language, themes: outcome.themes } as IngestResult;
  }
  const result = { source: base.source, id: base.id } as IngestResult;
  if (base.missing) result.missing = base.missing;
  if (base.suggestion) result.suggestion = base.suggestion;
  return Object.assign(result, outcome);
}

function failedResult(source: string, error: string): IngestResult {
  return { source, status: 'failed', error };
}

/** Inputs from which `jobs: auto` starts worker threads: below it, starting them costs more than they save. */
export const AUTO_JOBS_MIN = 64;

/**
 * Returns how many worker threads prepare the inputs (0: this thread does). `--jobs N` asks for N
 * threads: this one alone for 1, else N workers. `auto` takes a worker per core but one, from
 * AUTO_JOBS_MIN inputs, and from SHARED_FROM this thread, besides reading, writing and committing,
 * prepares an input itself whenever the workers have enough waiting (sharedPool). Each worker holds its own language
 * data, lexicon and heap: on two cores one worker and this thread ingested 100,000 documents in
 * 81 s and 283 MB, where two workers had taken 298 MB, too close to the 300 MB target (README, "Speed").
 */
export function workerCount(jobs: number | 'auto', inputs: number, cores = availableParallelism()): number {
  if (jobs === 'auto') return inputs >= AUTO_JOBS_MIN ? Math.max(0, Math.min(cores - 1, inputs)) : 0;
  const threads = Math.min(jobs, inputs);
  return threads <= 1 ? 0 : threads;
}

/** Inputs from which `jobs: auto` has this thread prepare inputs beside its workers. */
export const SHARED_FROM = 5000;

/**
 * Returns whether this thread prepares inputs too, whenever the workers have enough waiting: with
 * `auto` and workers, from SHARED_FROM inputs. Below that this thread's own lexicon, language data
 * and warm-up cost more than its share saves: on two cores one worker alone ingested 64 and 300
 * documents in 0.8 and 1.3 s, the worker and this thread in 1.0 and 1.7 s; 1,000 and 2,000 took as
 * long either way; shared, 5,000 took 8–12% less time and 10,000 12% less (interleaved runs), and
 * 100,000 43% less (81.5 s against 142.2 s, runs not interleaved; README, "Speed").
 */
export function sharesWork(jobs: number | 'auto', inputs: number, workers: number): boolean {
  return jobs === 'auto' && workers > 0 && inputs >= SHARED_FROM;
}

/** The stored documents a run compares its inputs with: the corpus index (summaries, no bodies). */
interface ExistingCorpus {
  problems: AipolicyError[];
  index: CorpusIndex | undefined;
}

async function openExisting(dir: string, cacheDir: string | undefined, dryRun: boolean): Promise<ExistingCorpus> {
  try {
    await stat(dir);
  } catch {
    if (dryRun) return { problems: [], index: undefined };
    // A new corpus starts with an empty index, which the run fills with what it stores.
    await mkdir(dir, { recursive: true });
  }
  // Lean: a run looks at each stored document once or twice (its hash, then its summary if unchanged).
  const index = await openCorpusIndex(dir, cacheDir, { lean: true });
  return { problems: index.problems, index };
}
