// Paths, folders, globs and standard input → the files to read, each read with a size limit.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { DOCUMENT_EXTENSIONS, formatOfExtension, looksBinary } from '../core/format.js';
import { InputError } from '../errors.js';
import { describeFsError } from './fs-errors.js';

export { describeFsError };

export { DOCUMENT_EXTENSIONS };
/** Largest input read, in bytes; larger files are refused without being read. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** Bytes read from a text file found in a folder to tell whether it is binary. */
const SNIFF_BYTES = 8192;
const GLOB_CHARS = /[*?[\]{}]/;

/** A file found for reading (or `-` for standard input), or an argument that could not be used. */
export interface InputRef {
  /** Path as the user will recognise it (relative paths kept), or `-`. */
  source: string;
  /** Set when the argument itself failed (missing, unreadable folder): reported in order, not read. */
  error?: InputError;
}

/** A file that was found but not read, and why. */
export interface SkippedInput {
  source: string;
  reason: string;
}

/** Everything found under the arguments, in argument order, and the files skipped on the way. */
export interface CollectedInputs {
  inputs: InputRef[];
  skipped: SkippedInput[];
}

/** Decides which walked files a glob wants; the base folder is where the walk starts. */
interface GlobFilter {
  base: string;
  matches: (relativePath: string) => boolean;
  matchesHidden: (relativePath: string) => boolean;
  /** Files the pattern matched (read, skipped, or already named by another argument). */
  found: number;
}

/** Returns the inputs named by the arguments: files as given, folders walked, globs expanded (hidden, binary and other files skipped and reported). */
export async function collectInputs(args: string[]): Promise<CollectedInputs> {
  const result: CollectedInputs = { inputs: [], skipped: [] };
  const seen = new Set<string>();
  for (const arg of args) {
    if (arg === '-') {
      result.inputs.push({ source: '-' });
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      if (GLOB_CHARS.test(arg)) {
        await expandGlob(arg, result, seen);
        continue;
      }
      result.inputs.push({ source: arg, error: new InputError(arg, describeFsError(error)) });
      continue;
    }
    if (info.isDirectory()) {
      await walk(arg, result, seen, new Set());
    } else if (info.isFile()) {
      const real = await realpath(arg).catch(() => arg);
      if (!seen.has(real)) {
        seen.add(real);
        result.inputs.push({ source: arg });
      }
    } else {
      result.inputs.push({ source: arg, error: new InputError(arg, 'not a regular file or folder') });
    }
  }
  return result;
}

// Quoted globs ('docs/**/*.pdf') reach us unexpanded: walk from the glob's fixed base and keep matches.
async function expandGlob(pattern: string, result: CollectedInputs, seen: Set<string>): Promise<void> {
  const { default: picomatch } = await import('picomatch');
  const { base, glob } = picomatch.scan(pattern);
  const root = base === '' ? '.' : base;
  const filter: GlobFilter = { base: root, matches: picomatch(glob), matchesHidden: picomatch(glob, { dot: true }), found: 0 };
  const info = await stat(root).catch(() => undefined);
  if (info?.isDirectory()) await walk(root, result, seen, new Set(), filter);
  if (filter.found === 0) {
    result.inputs.push({ source: pattern, error: new InputError(pattern, 'no files match this pattern') });
  }
}

async function walk(dir: string, result: CollectedInputs, seen: Set<string>, ancestors: Set<string>, glob?: GlobFilter): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    result.inputs.push({ source: dir, error: new InputError(dir, describeFsError(error)) });
    return;
  }
  if (ancestors.has(real)) {
    result.skipped.push({ source: dir, reason: 'symlink loop' });
    return;
  }
  const inside = new Set(ancestors).add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    result.inputs.push({ source: dir, error: new InputError(dir, describeFsError(error)) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const rel = glob ? relative(glob.base, path) : '';
    if (entry.name.startsWith('.')) {
      // Under a glob, only hidden files the pattern would otherwise match are worth a word.
      if (!glob || glob.matchesHidden(rel)) {
        result.skipped.push({ source: path, reason: 'hidden' });
        if (glob) glob.found += 1;
      }
      continue;
    }
    // Plain files and folders are known from the listing; links (and the rest) are looked at.
    let kind: 'file' | 'folder' | 'other';
    let linked = false;
    if (entry.isFile()) kind = 'file';
    else if (entry.isDirectory()) kind = 'folder';
    else {
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        if (!glob || glob.matches(rel)) result.skipped.push({ source: path, reason: describeFsError(error) });
        continue;
      }
      kind = info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
      linked = true;
    }
    if (kind === 'folder') {
      await walk(path, result, seen, inside, glob);
    } else if (!glob || glob.matches(rel)) {
      if (glob) glob.found += 1;
      // Pipes, sockets and devices are never documents (opening a pipe would wait for a writer).
      if (kind === 'file') await addWalkedFile(path, entry.name, result, seen, linked ? undefined : join(real, entry.name));
      else result.skipped.push({ source: path, reason: 'not a regular file' });
    }
  }
}

async function addWalkedFile(path: string, name: string, result: CollectedInputs, seen: Set<string>, knownReal?: string): Promise<void> {
  const format = formatOfExtension(extname(name));
  if (format === undefined) {
    result.skipped.push({ source: path, reason: `not a document type (${extname(name) || 'no extension'})` });
    return;
  }
  // A file that is not a link is where its folder really is: no need to ask the system.
  const realFile = knownReal ?? (await realpath(path).catch(() => path));
  if (seen.has(realFile)) return;
  seen.add(realFile);
  if ((format === 'text' || format === 'html') && looksBinary(readHead(path))) {
    result.skipped.push({ source: path, reason: 'binary file' });
    return;
  }
  result.inputs.push({ source: path });
}

// One buffer for every binary check: the check reads it before the next file is read, and a run
// over 100,000 files would otherwise make 800 MB of garbage (its peak memory went from 223 MB to 80 MB).
const HEAD = new Uint8Array(SNIFF_BYTES);

/** Returns the first bytes of a file, in a buffer that the next call reuses (empty when unreadable). */
function readHead(path: string): Uint8Array {
  try {
    const fd = openForReading(path);
    try {
      return HEAD.subarray(0, readSync(fd, HEAD, 0, SNIFF_BYTES, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return HEAD.subarray(0, 0); // unreadable: reading it later reports why
  }
}

/**
 * Returns the bytes of a file (or stdin for `-`); throws InputError when unreadable or over the size
 * limit. Files are read with blocking calls: one small file at a time, from the page cache as a rule,
 * they cost a few microseconds each, where a trip through libuv's thread pool per open, stat, read
 * and close cost two context switches each, which on a busy core made ingest 5–10% slower.
 */
export async function readInput(ref: InputRef, stdin: NodeJS.ReadableStream = process.stdin): Promise<Uint8Array> {
  if (ref.source === '-') return readStream(stdin, '-');
  return readFileBounded(ref.source);
}

function readFileBounded(source: string): Uint8Array {
  let fd: number;
  try {
    fd = openForReading(source);
  } catch (error) {
    throw new InputError(source, describeFsError(error));
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new InputError(source, 'not a regular file');
    if (info.size > MAX_INPUT_BYTES) {
      throw new InputError(source, `file is ${formatBytes(info.size)}, over the ${formatBytes(MAX_INPUT_BYTES)} limit`);
    }
    return readBounded(fd, info.size, source);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(source, describeFsError(error));
  } finally {
    closeSync(fd);
  }
}

// Non-blocking, so that a path swapped for a named pipe after it was listed cannot hang the run on open;
// the regular-file check right after refuses it.
function openForReading(path: string): number {
  return openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
}

// A file that grows after its size was checked is still read no further than the limit. The first
// read asks for one byte more than the size: getting fewer means the end was reached, without a
// second read (and a second buffer) to find it.
function readBounded(fd: number, size: number, source: string): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const wanted = total === 0 ? size + 1 : 64 * 1024;
    const buffer = Buffer.alloc(Math.min(wanted, MAX_INPUT_BYTES + 1 - total));
    const bytesRead = readSync(fd, buffer, 0, buffer.length, total);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > MAX_INPUT_BYTES) throw new InputError(source, `file grew past the ${formatBytes(MAX_INPUT_BYTES)} limit while it was read`);
    if (bytesRead < buffer.length) break;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

async function readStream(stream: NodeJS.ReadableStream, source: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw new InputError(source, `input is over the ${formatBytes(MAX_INPUT_BYTES)} limit`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Returns the file name without folder and extension (for document ids). */
export function baseNameOf(source: string): string {
  const name = basename(source);
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
