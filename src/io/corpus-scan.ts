// Everything in a corpus folder, as `verify` needs to see it: document files with their bytes (or
// why they could not be read), temporary files left by writers, and the lock.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDocumentFileName } from './corpus-listing.js';
import { LOCK_FILE } from './corpus-lock.js';
import { isTempFileName, tempFileWriter } from './corpus-store.js';
import { describeFsError } from './fs-errors.js';

/** Largest corpus file read by verify: a 20 MB body and its front matter fit well within it. */
const MAX_CORPUS_FILE_BYTES = 64 * 1024 * 1024;

/** A document file of the corpus: its bytes, or why they could not be read. */
export interface ScannedDocument {
  name: string;
  path: string;
  bytes?: Uint8Array;
  error?: string;
}

/** A temporary file and the pid of the process that wrote it. */
export interface ScannedTemp {
  name: string;
  path: string;
  pid: number;
}

/** The contents of a corpus folder that matter to verify, in name order. */
export interface CorpusScan {
  documents: ScannedDocument[];
  temps: ScannedTemp[];
  hasLock: boolean;
}

/** Returns the document files (`*.md`, not hidden), temporary files and lock of a corpus folder. */
export async function scanCorpus(dir: string): Promise<CorpusScan> {
  const names = (await readdir(dir)).sort();
  const scan: CorpusScan = { documents: [], temps: [], hasLock: names.includes(LOCK_FILE) };
  for (const name of names) {
    const path = join(dir, name);
    const pid = tempFileWriter(name);
    if (pid !== undefined && isTempFileName(name)) scan.temps.push({ name, path, pid });
    else if (isDocumentFileName(name)) scan.documents.push(await readDocumentFile(name, path));
  }
  return scan;
}

async function readDocumentFile(name: string, path: string): Promise<ScannedDocument> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { name, path, error: 'not a regular file' };
    if (info.size > MAX_CORPUS_FILE_BYTES) return { name, path, error: `file is larger than ${MAX_CORPUS_FILE_BYTES / 1024 / 1024} MB` };
    return { name, path, bytes: await readFile(path) };
  } catch (error) {
    return { name, path, error: describeFsError(error) };
  }
}
