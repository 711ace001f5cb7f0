// Who does the CPU work of ingest: the main thread itself, or a pool of worker threads (one per
// core for large batches). Both give the same results; the pool gives them sooner.
import { Worker } from 'node:worker_threads';
import type { Lexicon } from '../core/lexicon.js';
import type { PrepareSettings, Prepared } from './prepare-input.js';
import { packKeys } from './stored-keys.js';
import type { TaxonomySource } from './taxonomy-source.js';

/** Prepares inputs, in any order; `close` ends the threads. */
export interface Preparer {
  prepare: (bytes: Uint8Array, source: string) => Promise<Prepared>;
  close: () => Promise<void>;
}

/** A preparer in this thread, which can load its lexicon and language models before the first input. */
export interface ThreadPreparer extends Preparer {
  load: () => Promise<unknown>;
}

/** A message to a worker: one input. */
export interface WorkerRequest {
  job: number;
  source: string;
  bytes: Uint8Array;
}

/** A message from a worker. */
export type WorkerReply =
  | { kind: 'ready'; taxonomyVersion: string }
  | { kind: 'done'; job: number; prepared: Prepared }
  | { kind: 'crashed'; job: number; message: string };

/** What a preparer needs: the taxonomy (and where it lives, for workers), the settings, the current stored keys. */
export interface PreparerOptions {
  taxonomy: TaxonomySource;
  taxonomyDir?: string | undefined;
  settings: PrepareSettings;
  current: ReadonlyMap<string, string>;
}

/** Returns a preparer working in this thread (the lexicon and language models are loaded on first use). */
export function inThread(options: PreparerOptions): ThreadPreparer {
  // Loaded by the first input, so that a run with none loads nothing and a failure belongs to an input.
  let loading: Promise<[Lexicon, typeof import('./prepare-input.js')]> | undefined;
  const load = () => (loading ??= Promise.all([options.taxonomy.lexicon(), import('./prepare-input.js')]));
  return {
    prepare: async (bytes, source) => {
      const [lexicon, { prepareInput }] = await load();
      return prepareInput(lexicon, options.settings, options.current, bytes, source);
    },
    load,
    close: async () => undefined,
  };
}

/** Inputs unfinished per worker of a shared pool (the one it prepares included) from which this thread takes the next one itself. */
export const SHARED_BACKLOG = 2;

/**
 * Returns a preparer sharing the inputs between `count` workers and this thread: an input goes to
 * the workers while they have fewer than `backlog` each unfinished, else this thread prepares it
 * itself. With workers alone this thread sat idle two thirds of the time (it only reads, writes
 * and keeps order) while the one worker of a two-core machine did all the analysis; a whole second
 * worker costs its own language data, lexicon and heap (README, "Speed").
 */
export async function sharedPool(count: number, options: PreparerOptions, backlog = SHARED_BACKLOG): Promise<SharedPool> {
  // This thread compiles its lexicon while the workers start and compile theirs: compiled at its
  // first input instead, it kept this thread from sending the workers anything for as long.
  const here = inThread(options);
  const starting = workerPool(count, options);
  const loading = here.load();
  // Awaited below, unless the workers fail to start first: that failure is the one reported.
  loading.catch(() => undefined);
  const pool = await starting;
  try {
    await loading;
  } catch (error) {
    await pool.close();
    throw error;
  }
  let preparedHere = 0;
  return {
    prepare: (bytes, source) => {
      if (pool.unfinished() < count * backlog) return pool.prepare(bytes, source);
      preparedHere += 1;
      return here.prepare(bytes, source);
    },
    preparedHere: () => preparedHere,
    close: () => pool.close(),
  };
}

/** A shared pool, and how many inputs this thread has taken. */
export interface SharedPool extends Preparer {
  preparedHere: () => number;
}

/** A pool of worker threads, and how many of the inputs sent to it its workers have not finished. */
interface WorkerPool extends Preparer {
  unfinished: () => number;
}

/** Returns a preparer with `count` worker threads, each given the next input when it has the fewest waiting. */
export async function workerPool(count: number, options: PreparerOptions): Promise<WorkerPool> {
  const url = new URL('./ingest-worker.js', import.meta.url);
  // Each worker counts the inputs it has finished in its slot of shared memory: this thread reads
  // how busy the workers are without waiting for their replies, which a thread busy preparing an
  // input itself does not read until it is done.
  const finished = new Int32Array(new SharedArrayBuffer(4 * count));
  const workerData = { taxonomyDir: options.taxonomyDir, settings: options.settings, current: packKeys(options.current), finished };
  const waiting = new Map<number, { resolve: (p: Prepared) => void; reject: (e: Error) => void; worker: number }>();
  const load = new Array<number>(count).fill(0);
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const [job, pending] of waiting) {
      waiting.delete(job);
      pending.reject(failure);
    }
  };
  const started: Worker[] = [];
  const starting = Promise.all(
    Array.from({ length: count }, (_, n) => {
      const worker = new Worker(url, { workerData: { ...workerData, slot: n } });
      started.push(worker);
      return new Promise<Worker>((resolve, reject) => {
        let ready = false;
        worker.on('error', (error) => (ready ? fail(error) : reject(error)));
        worker.on('exit', (code) => {
          const error = new Error(`worker thread exited with code ${code}`);
          if (!ready) reject(error);
          else if (code !== 0) fail(error);
        });
        worker.on('message', (reply: WorkerReply) => {
          if (reply.kind === 'ready') {
            ready = true;
            if (reply.taxonomyVersion === options.taxonomy.version) resolve(worker);
            else reject(new Error(`worker thread compiled taxonomy ${reply.taxonomyVersion}, expected ${options.taxonomy.version}`));
            return;
          }
          const pending = waiting.get(reply.job);
          if (pending === undefined) return;
          waiting.delete(reply.job);
          load[n]! -= 1;
          if (reply.kind === 'done') pending.resolve(reply.prepared);
          else pending.reject(new Error(`worker thread failed: ${reply.message}`));
        });
      });
    }),
  );
  let workers: Worker[];
  try {
    workers = await starting;
  } catch (error) {
    await Promise.all(started.map((w) => w.terminate()));
    throw error;
  }
  let next = 0;
  return {
    prepare: (bytes, source) => {
      if (failure) return Promise.reject(failure);
      let target = 0;
      for (let n = 1; n < count; n++) if (load[n]! < load[target]!) target = n;
      const job = next++;
      load[target]! += 1;
      // The bytes move to the worker when they own their memory; otherwise they are copied.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const moved = own ? bytes : bytes.slice();
      return new Promise<Prepared>((resolve, reject) => {
        waiting.set(job, { resolve, reject, worker: target });
        workers[target]!.postMessage({ job, source, bytes: moved } satisfies WorkerRequest, [moved.buffer as ArrayBuffer]);
      });
    },
    unfinished: () => {
      let done = 0;
      for (let n = 0; n < count; n++) done += Atomics.load(finished, n);
      return next - done;
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
