// The corpus folder: one Markdown file per document, front matter + body. Writes are atomic.
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { closeSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { promisify } from 'node:util';
import { basename, join } from 'node:path';
import { fromFrontMatter, toFrontMatter } from '../core/record.js';
import { CorpusError, CorpusWriteError, UsageError } from '../errors.js';
import type { StoredDocument } from '../model.js';
import { isDocumentFileName } from './corpus-listing.js';
import { makeDiskFullError, type WriteFaults } from './fault.js';
import { parseFrontMatter, stringifyFrontMatter } from './front-matter.js';
import { describeFsError } from './fs-errors.js';

/** The documents of a corpus, and the files that could not be read as documents. */
export interface CorpusListing {
  documents: StoredDocument[];
  problems: CorpusError[];
}

/** Returns the path of a document's file in the corpus. */
export function corpusPath(dir: string, id: string): string {
  return join(dir, `${id}.md`);
}

/** Throws UsageError when the corpus folder does not exist or is not a folder. */
export async function assertCorpusExists(dir: string): Promise<void> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new UsageError(`corpus ${dir} is not a folder`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`corpus ${dir}: ${describeFsError(error)} (ingest documents first, or pass --corpus DIR)`);
  }
}

/** Returns every document of the corpus sorted by id; unreadable files are returned as problems, not thrown. */
export async function listCorpus(dir: string): Promise<CorpusListing> {
  const documents: StoredDocument[] = [];
  const problems: CorpusError[] = [];
  for await (const read of eachStored(dir)) {
    if (read.document) documents.push(read.document);
    else problems.push(read.problem);
  }
  return { documents, problems };
}

/** A file of the corpus read: its document, or why it is not one. */
export type StoredRead = { document: StoredDocument; problem?: undefined } | { document?: undefined; problem: CorpusError };

/** Yields the documents of the corpus one at a time, sorted by id, for runs that must not hold them all (refresh). */
export async function* eachStored(dir: string): AsyncGenerator<StoredRead> {
  await assertCorpusExists(dir);
  const names = (await readdir(dir)).filter(isDocumentFileName).sort();
  for (const name of names) {
    let read: StoredRead;
    try {
      read = { document: await readStoredFile(join(dir, name)) };
    } catch (error) {
      read = { problem: error instanceof CorpusError ? error : new CorpusError(join(dir, name), describeFsError(error)) };
    }
    yield read;
  }
}

/** Returns the stored document with this id, or undefined when the corpus has none. */
export async function findStored(dir: string, id: string): Promise<StoredDocument | undefined> {
  const path = corpusPath(dir, id);
  try {
    await stat(path);
  } catch {
    return undefined;
  }
  return readStoredFile(path);
}

/**
 * Returns a stored document read from its file; throws CorpusError when it is not a valid corpus
 * document. The file is read with a blocking call: the runs that read many (an index rebuilt from
 * the files, refresh) read them one after the other, and a read through libuv's thread pool left
 * this thread idle half the time (rebuilding the index of 10,000 documents: 3.3 s idle in 6.8 s).
 */
export async function readStoredFile(path: string): Promise<StoredDocument> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CorpusError(path, describeFsError(error));
  }
  return parseStoredText(text, path);
}

/** Returns a stored document from the text of its file (read from disk or from git); throws CorpusError when invalid. */
export function parseStoredText(text: string, path: string): StoredDocument {
  let parsed;
  try {
    parsed = parseFrontMatter(text.replace(/\r\n?/g, '\n'), path, { maxBytes: MAX_STORED_FRONT_MATTER_BYTES, canonical: true });
  } catch (error) {
    throw new CorpusError(path, error instanceof Error ? error.message : String(error));
  }
  if (!parsed.hasFrontMatter) throw new CorpusError(path, 'not a corpus document: no front matter');
  const doc = fromFrontMatter(parsed.data, parsed.body, path);
  const expected = corpusPath('', doc.id);
  if (!path.endsWith(expected)) throw new CorpusError(path, `file name does not match its id "${doc.id}"`);
  return doc;
}

/** Largest front matter read back from a corpus file: evidence lists grow with the text (a 20 MB input gives about 3 MB). */
export const MAX_STORED_FRONT_MATTER_BYTES = 16 * 1024 * 1024;

/** Options of a write: the test hook that simulates a full disk. */
export interface WriteOptions {
  faults?: WriteFaults | undefined;
  /** Flushes written temporary files to disk before they are renamed into place (default: flushToDisk). */
  flush?: ((dir: string, temps: string[]) => Promise<void>) | undefined;
}

// Temporary files are hidden (readers skip them) and carry the writer's pid: `.<name>.<pid>.<hex>.tmp`.
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Returns true for the name of a temporary file this tool writes before a rename. */
export function isTempFileName(name: string): boolean {
  return TEMP_FILE.test(name);
}

/** Returns the pid of the process that wrote a temporary file, or undefined for another name. */
export function tempFileWriter(name: string): number | undefined {
  const match = TEMP_FILE.exec(name);
  return match ? Number(match[1]) : undefined;
}

// Temporary names differ within a process by a counter from a random start (random bytes per file cost more than the write).
let tempSerial = randomBytes(4).readUInt32BE(0);

/** Returns the path of a fresh temporary file beside `name` in the folder. */
export function tempPathFor(dir: string, name: string): string {
  tempSerial = (tempSerial + 1) >>> 0;
  return join(dir, `.${name}.${process.pid}.${tempSerial.toString(16).padStart(8, '0')}.tmp`);
}

/** Returns the text of a document's corpus file; throws CorpusError when its front matter would be too large to read back. */
export function encodeStored(dir: string, doc: StoredDocument): string {
  const body = doc.body;
  const content = stringifyFrontMatter(toFrontMatter(doc), body);
  const frontMatterBytes = Buffer.byteLength(content, 'utf8') - Buffer.byteLength(body, 'utf8');
  if (frontMatterBytes > MAX_STORED_FRONT_MATTER_BYTES) {
    throw new CorpusError(corpusPath(dir, doc.id), `the analysis is too large to store (${frontMatterBytes} bytes of front matter, limit ${MAX_STORED_FRONT_MATTER_BYTES}): nothing written`);
  }
  return content;
}

/** Writes a document atomically: temporary file, flush to disk, rename; the old file stays whole until the rename. Throws CorpusError (CorpusWriteError when the corpus takes no writes at all). */
export async function writeStored(dir: string, doc: StoredDocument, options: WriteOptions = {}): Promise<void> {
  const writer = new CorpusWriter(dir, options);
  const content = encodeStored(dir, doc);
  try {
    await writer.write(doc.id, content);
  } finally {
    await writer.close();
  }
}

/** Thrown for a document staged after a write that stopped the batch: nothing of it was written. */
export class WriteStoppedError extends CorpusError {}

/**
 * Writes documents into a corpus folder, each atomically (temporary file, flush to disk, rename),
 * several at a time: the temporary files are written as they are given and flushed to disk in
 * groups of up to FLUSH_GROUP (a group that does not fill is flushed as soon as the caller waits for
 * anything), and the renames happen in the order the documents were given, each once its file is on
 * disk. A write that fails because the corpus takes no writes (CorpusWriteError) stops the batch
 * there: documents given after it are not renamed into place (WriteStoppedError) and their
 * temporary files are removed. The folder itself is synced once, at
 * `close`.
 */
export class CorpusWriter {
  private last: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private madeDir: Promise<void> | undefined;
  private renamed = 0;
  private group: FlushGroup | undefined;

  constructor(
    private readonly dir: string,
    private readonly options: WriteOptions = {},
  ) {}

  /** True once a write has failed with CorpusWriteError. */
  get isStopped(): boolean {
    return this.stopped;
  }

  /** Writes `content` as the document `id`; resolves once it is renamed into place, after every document given before it. */
  write(id: string, content: string): Promise<void> {
    const target = corpusPath(this.dir, id);
    const staged = this.stage(target, content).then((temp) => (temp instanceof Error ? temp : this.flushed(target, temp)));
    const previous = this.last;
    const committed = (async () => {
      const temp = await staged;
      await previous.catch(() => undefined);
      if (this.stopped) {
        if (!(temp instanceof Error)) await unlink(temp).catch(() => undefined);
        throw new WriteStoppedError(target, 'not written: an earlier write failed because the corpus cannot be written');
      }
      if (temp instanceof Error) {
        if (temp instanceof CorpusWriteError) this.stopped = true;
        throw temp;
      }
      try {
        renameSync(temp, target);
        this.renamed += 1;
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        const failure = toWriteError(target, error);
        if (failure instanceof CorpusWriteError) this.stopped = true;
        throw failure;
      }
    })();
    this.last = committed;
    return committed;
  }

  /** Waits for every write given so far and syncs the folder (so the renames survive a crash). */
  async close(): Promise<void> {
    this.flushGroup();
    await this.last.catch(() => undefined);
    if (this.renamed > 0) await syncDir(this.dir);
  }

  // The temporary file's path once written (not yet flushed to disk), or the error (returned, so that no promise is left unhandled).
  private async stage(target: string, content: string): Promise<string | CorpusError> {
    // The fault hook counts writes in the order they are given, as a full disk would fail them.
    const fail = this.options.faults?.failsNext() ?? false;
    const temp = tempPathFor(this.dir, `${basename(target)}`);
    try {
      this.madeDir ??= mkdir(this.dir, { recursive: true }).then(() => undefined);
      await this.madeDir;
      writeClosed(temp, content, fail);
      return temp;
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      return toWriteError(target, error);
    }
  }

  // The temporary file's path once it is on disk with the others of its group, or the error.
  private async flushed(target: string, temp: string): Promise<string | CorpusError> {
    const group = this.group ?? this.openGroup();
    group.temps.push(temp);
    if (group.temps.length >= FLUSH_GROUP) this.flushGroup(group);
    try {
      await group.done;
      return temp;
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      return toWriteError(target, error);
    }
  }

  private openGroup(): FlushGroup {
    let start!: () => void;
    const started = new Promise<void>((resolve) => (start = resolve));
    const group: FlushGroup = { temps: [], start, done: started.then(() => (this.options.flush ?? flushToDisk)(this.dir, group.temps)) };
    this.group = group;
    // A group that does not fill up is flushed as soon as the writer's caller waits for anything.
    setImmediate(() => this.flushGroup(group));
    return group;
  }

  // Starts flushing the group being filled (or `only` that group, if it still is the one being filled).
  private flushGroup(only?: FlushGroup): void {
    const group = this.group;
    if (group === undefined || (only !== undefined && only !== group)) return;
    this.group = undefined;
    group.start();
  }
}

/** Temporary files written and closed, flushed to disk together once started; each write waits for `done`. */
interface FlushGroup {
  temps: string[];
  start: () => void;
  done: Promise<void>;
}

/** At most this many temporary files are flushed to disk together (a group fills as ingest writes). */
export const FLUSH_GROUP = 128;
/** Groups of at least this many files are flushed with one syncfs; smaller ones with a fsync per file. */
const SYNCFS_FROM = 16;

// The temporary file is created, written and closed with blocking calls: each trip through
// libuv's thread pool costs two context switches (README, "Speed").
function writeClosed(path: string, content: string, fail: boolean): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    if (fail) {
      const bytes = Buffer.from(content, 'utf8');
      writeSync(fd, bytes, 0, bytes.length >> 1);
      throw makeDiskFullError(path);
    }
    writeFileSync(fd, content, 'utf8');
  } finally {
    closeSync(fd);
  }
}

const execFileAsync = promisify(execFile);
// Sync commands that did not do the job once (not found, or failed): a fsync per file from then on.
const syncCommandFailed = new Set<string>();

/**
 * Flushes written files of the folder to disk. On Linux a group of 16 or more takes one syncfs
 * (`sync -f <folder>`, coreutils or busybox): the file system writes each block once, where a
 * fsync per file writes the inode table block it shares with its neighbours once per file, and
 * waits for the disk each time. Elsewhere, for a few files, or once the command is missing or has
 * failed (syncfs also reports the errors of other files on the file system): a fsync per file,
 * which says which file failed and why. Rejects when a file cannot be flushed: nothing in the group
 * may then be renamed into place.
 */
export async function flushToDisk(dir: string, temps: string[], syncCommand = 'sync'): Promise<void> {
  if (process.platform === 'linux' && temps.length >= SYNCFS_FROM && !syncCommandFailed.has(syncCommand)) {
    try {
      await execFileAsync(syncCommand, ['-f', dir]);
      return;
    } catch {
      syncCommandFailed.add(syncCommand);
    }
  }
  await Promise.all(
    temps.map(async (temp) => {
      // Opened for writing: Windows flushes only a handle that may write.
      const handle = await open(temp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }),
  );
}

// Errors that mean no document can be written now: the batch stops instead of failing each one.
const CORPUS_UNWRITABLE: Record<string, string> = {
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

function toWriteError(target: string, error: unknown): CorpusError {
  if (error instanceof CorpusError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = CORPUS_UNWRITABLE[code];
  if (reason !== undefined) {
    return new CorpusWriteError(target, `cannot write: ${reason} (${code}); nothing written for this document, the stored version (if any) is intact`);
  }
  return new CorpusError(target, `cannot write: ${describeFsError(error)}; nothing written for this document`);
}

/** Removes temporary files whose writer no longer runs (left by a killed run); call it while holding the corpus lock. Returns their names. */
export async function removeLeftoverTemps(dir: string, isRunning: (pid: number) => boolean): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const pid = tempFileWriter(name);
    if (pid === undefined || isRunning(pid)) continue;
    try {
      await unlink(join(dir, name));
      removed.push(name);
    } catch {
      // Already gone, or not ours to remove: verify reports what is left.
    }
  }
  return removed;
}

async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on folders; the rename itself is still atomic.
  }
}
