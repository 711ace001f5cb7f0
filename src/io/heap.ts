// Runs that stream many documents through (ingest, or an index rebuilt from 100,000 files) make
// short-lived garbage fast, and V8 then lets the heap grow to several times what is live
// (ingesting 100,000 documents reached 650 MB with 110 MB live). Growing it 20% at a time keeps
// such runs near 300 MB with no measured loss of speed: ingesting the bench's 100,000 documents on
// one core peaked at 332 MB growing 40% at a time, 318 MB at 30%, 305 MB at 20%, in 107, 109 and
// 104 s (README, "Speed"). The flag is read at each collection, so setting it during a run takes
// effect; should a V8 ignore it, only memory use changes. Short commands do not set it: for them
// it costs more collections than it saves memory (overlap on 100,000 documents: 275 MB instead of
// 350 MB, but 1.15 s instead of 1.0 s).
import { setFlagsFromString } from 'node:v8';

let bounded = false;

/** Makes the heap grow by 20% at a time from now on (once per process). */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  setFlagsFromString('--heap-growing-percent=20');
}
