// The corpus folder: one Markdown file per document, front matter + body. Writes are atomic.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fromFrontMatter, toFrontMatter } from '../core/record.js';
import { CorpusError, UsageError } from '../errors.js';
import type { StoredDocument } from '../model.js';
import { parseFrontMatter, stringifyFrontMatter } from './front-matter.js';
import { describeFsError } from './read-input.js';

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
  await assertCorpusExists(dir);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
  const documents: StoredDocument[] = [];
  const problems: CorpusError[] = [];
  for (const name of names) {
    try {
      documents.push(await readStoredFile(join(dir, name)));
    } catch (error) {
      problems.push(error instanceof CorpusError ? error : new CorpusError(join(dir, name), describeFsError(error)));
    }
  }
  return { documents, problems };
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

/** Returns a stored document read from its file; throws CorpusError when it is not a valid corpus document. */
export async function readStoredFile(path: string): Promise<StoredDocument> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CorpusError(path, describeFsError(error));
  }
  return parseStoredText(text, path);
}

/** Returns a stored document from the text of its file (read from disk or from git); throws CorpusError when invalid. */
export function parseStoredText(text: string, path: string): StoredDocument {
  let parsed;
  try {
    parsed = parseFrontMatter(text.replace(/\r\n?/g, '\n'), path);
  } catch (error) {
    throw new CorpusError(path, error instanceof Error ? error.message : String(error));
  }
  if (!parsed.hasFrontMatter) throw new CorpusError(path, 'not a corpus document: no front matter');
  const doc = fromFrontMatter(parsed.data, parsed.body, path);
  const expected = corpusPath('', doc.id);
  if (!path.endsWith(expected)) throw new CorpusError(path, `file name does not match its id "${doc.id}"`);
  return doc;
}

/** Writes a document atomically: temporary file, fsync, rename; the old file stays whole until the rename. */
export async function writeStored(dir: string, doc: StoredDocument): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = corpusPath(dir, doc.id);
  const temp = join(dir, `.${doc.id}.md.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const content = stringifyFrontMatter(toFrontMatter(doc), doc.body);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
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
