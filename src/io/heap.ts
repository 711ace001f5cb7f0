// Runs that stream many documents through (ingest, or an index rebuilt from 100,000 files) make
// short-lived garbage fast, and V8 then lets the heap grow to several times what is live
// (ingesting 100,000 documents reached 650 MB with 110 MB live). Growing it 20% at a time keeps
// such runs near 300 MB with no measured loss of speed: ingesting the bench's 100,000 documents on
// one core peaked at 332 MB growing 40% at a time, 318 MB at 30%, 305 MB at 20%, in 107, 109 and
// 104 s (README, "Speed"). The flag is read at each collection, so setting it during a run takes
// effect; should a V8 ignore it, only memory use changes. Short commands do not set it: for them
// it costs more collections than it saves memory (overlap on 100,000 documents, reading the index
// a line at a time: 210 MB either way, 0.78 s instead of 0.69 s, medians of three).
import { setFlagsFromString } from 'node:v8';

let bounded = false;
let workersBounded = false;

/** Makes the heap grow by 20% at a time from now on (once per process). */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  setFlagsFromString('--heap-growing-percent=20');
}

/**
 * Gives the worker threads started from now on a young generation of 2 MB semi-spaces instead of
 * V8's 16 MB. A worker of ingest keeps little of what it makes (its language data and lexicon are
 * made once), so the larger space buys it almost nothing: on the bench's 10,000 documents with
 * one worker, 224 MB at peak instead of 258 MB, in the same time (8.4 s against 8.3 s, medians of
 * three). The flag is read when a thread's heap is made: this thread's own heap keeps its size.
 */
export function boundWorkerHeaps(): void {
  if (workersBounded) return;
  workersBounded = true;
  setFlagsFromString('--max-semi-space-size=2');
}
