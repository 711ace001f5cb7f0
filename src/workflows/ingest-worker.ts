// A worker thread of ingest: compiles the taxonomy once, then prepares the inputs it is sent
// (parse, analyse, encode) and posts each result back with its job number.
import { parentPort, workerData } from 'node:worker_threads';
import { loadLexicon } from './lexicon.js';
import { prepareInput, type PrepareSettings } from './prepare-input.js';
import { unpackKeys, type PackedKeys } from './stored-keys.js';
import type { WorkerReply, WorkerRequest } from './preparers.js';

interface WorkerData {
  taxonomyDir: string | undefined;
  settings: PrepareSettings;
  current: PackedKeys;
  /** Inputs finished, one slot per worker (see workerPool). */
  finished: Int32Array;
  slot: number;
}

const port = parentPort;
if (port === null) throw new Error('ingest-worker.js runs as a worker thread');
const data = workerData as WorkerData;
const lexicon = loadLexicon(data.taxonomyDir);
const current = unpackKeys(data.current);
port.postMessage({ kind: 'ready', taxonomyVersion: lexicon.taxonomy.version } satisfies WorkerReply);
port.on('message', (request: WorkerRequest) => {
  prepareInput(lexicon, data.settings, current, request.bytes, request.source).then(
    (prepared) => {
      Atomics.add(data.finished, data.slot, 1);
      port.postMessage({ kind: 'done', job: request.job, prepared } satisfies WorkerReply);
    },
    (error: unknown) => {
      Atomics.add(data.finished, data.slot, 1);
      port.postMessage({ kind: 'crashed', job: request.job, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
    },
  );
});
