// A worker thread of the corpus index: lists a large corpus folder and stats its files (see
// listFolder) while the main thread reads the index, then posts the listing back.
import { parentPort, workerData } from 'node:worker_threads';
import { listFolder } from './corpus-listing.js';

const port = parentPort;
if (port === null) throw new Error('list-worker.js runs as a worker thread');
const listing = listFolder((workerData as { dir: string }).dir);
port.postMessage(listing, [listing.keys.buffer as ArrayBuffer]);
