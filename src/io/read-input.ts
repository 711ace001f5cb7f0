// Paths, folders and standard input → the files to read, each read with a size limit.
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InputError } from '../errors.js';

/** Extensions read as documents when a folder is walked. */
export const DOCUMENT_EXTENSIONS = ['.md', '.markdown', '.txt', '.text'];
/** Largest input read, in bytes; larger files are refused without being read. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

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

/** Returns the inputs named by the arguments: files as given, folders walked (hidden entries and other extensions skipped). */
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

async function walk(dir: string, result: CollectedInputs, seen: Set<string>, ancestors: Set<string>): Promise<void> {
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
    if (entry.name.startsWith('.')) {
      result.skipped.push({ source: path, reason: 'hidden' });
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      result.skipped.push({ source: path, reason: describeFsError(error) });
      continue;
    }
    if (info.isDirectory()) {
      await walk(path, result, seen, inside);
    } else if (info.isFile()) {
      if (!DOCUMENT_EXTENSIONS.includes(extname(entry.name).toLowerCase())) {
        result.skipped.push({ source: path, reason: `not a document type (${extname(entry.name) || 'no extension'})` });
        continue;
      }
      const realFile = await realpath(path).catch(() => path);
      if (seen.has(realFile)) continue;
      seen.add(realFile);
      result.inputs.push({ source: path });
    }
  }
}

/** Returns the bytes of a file (or stdin for `-`); throws InputError when unreadable or over the size limit. */
export async function readInput(ref: InputRef, stdin: NodeJS.ReadableStream = process.stdin): Promise<Uint8Array> {
  if (ref.source === '-') return readStream(stdin, '-');
  let handle;
  try {
    handle = await open(ref.source, 'r');
  } catch (error) {
    throw new InputError(ref.source, describeFsError(error));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputError(ref.source, 'not a regular file');
    if (info.size > MAX_INPUT_BYTES) {
      throw new InputError(ref.source, `file is ${formatBytes(info.size)}, over the ${formatBytes(MAX_INPUT_BYTES)} limit`);
    }
    return await handle.readFile();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(ref.source, describeFsError(error));
  } finally {
    await handle.close();
  }
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

/** Returns a short reason for a file-system error (ENOENT → "no such file"). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'symlink loop';
    case 'ENAMETOOLONG':
      return 'name too long';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
