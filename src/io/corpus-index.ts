// An index of a corpus folder, kept in a cache folder outside the corpus (so it never shows up in
// git): for every document file, its size, modification time and inode, and the summary the
// comparisons need (metadata, themes, scores, evidence offsets; no body). A file whose size, time
// or inode differs from its entry is read again; files gone are dropped; new files are read. The
// index is only a cache: it is never trusted over the files, and deleting it loses nothing.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { hashText } from '../core/record.js';
import { CorpusError } from '../errors.js';
import type { DocumentMeta, LanguageCode, StoredDocument, StoredEvidence } from '../model.js';
import { assertCorpusExists } from './corpus-store.js';
import { describeFsError } from './read-input.js';

/** What the comparisons need of a stored document, without its body. */
export interface IndexedDocument {
  id: string;
  path: string;
  meta: DocumentMeta;
  language: LanguageCode;
  languages: Partial<Record<LanguageCode, number>>;
  contentHash: string;
  taxonomyVersion: string;
  /** The body no longer matches `contentHash`: edited by hand since it was analysed. */
  bodyEdited: boolean;
  themes: Array<{ id: string; score: number; passages: number; terms: string[]; evidence?: StoredEvidence }>;
}

interface Entry {
  size: number;
  mtime: string;
  ino: string;
  document: Omit<IndexedDocument, 'path'>;
}

interface IndexFile {
  format: number;
  corpus: string;
  entries: Record<string, Entry>;
}

const FORMAT = 1;
/** Files stat-ed at once: enough to keep the thread pool busy, few enough to bound memory. */
const BATCH = 256;

/** Returns the folder the index files live in: $AIPOLICY_CACHE, else $XDG_CACHE_HOME/aipolicy, else ~/.cache/aipolicy. */
export function indexFolder(env: Record<string, string | undefined>): string {
  return env['AIPOLICY_CACHE'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'aipolicy');
}

/** Returns the summary of a stored document as the index keeps it. */
export function summarize(doc: StoredDocument): Omit<IndexedDocument, 'path'> {
  return {
    id: doc.id,
    meta: doc.meta,
    language: doc.language,
    languages: doc.languages,
    contentHash: doc.contentHash,
    taxonomyVersion: doc.taxonomyVersion,
    bodyEdited: hashText(doc.body) !== doc.contentHash,
    themes: doc.themes.map((t) => ({
      id: t.id,
      score: t.score,
      passages: t.passages,
      terms: t.terms,
      ...(t.evidence[0] ? { evidence: t.evidence[0] } : {}),
    })),
  };
}

/** The readable documents of a corpus (sorted by file name) and the files that could not be read. */
export interface IndexedCorpus {
  documents: IndexedDocument[];
  problems: CorpusError[];
}

/**
 * Returns the summaries of every document of the corpus, from the index where a file is unchanged
 * and from the file itself otherwise; stores the updated index in `cacheDir` (best effort: a cache
 * that cannot be written only costs time).
 */
export async function loadCorpusIndex(dir: string, cacheDir: string | undefined): Promise<IndexedCorpus> {
  await assertCorpusExists(dir);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
  const corpus = await realpath(dir);
  const file = cacheDir === undefined ? undefined : join(cacheDir, `index-${createHash('sha256').update(corpus).digest('hex').slice(0, 24)}.json`);
  const old = file === undefined ? undefined : await readIndex(file, corpus);
  const entries: Record<string, Entry> = {};
  const documents: IndexedDocument[] = [];
  const problems: CorpusError[] = [];
  let changed = old === undefined || Object.keys(old.entries).length !== names.length;
  for (let at = 0; at < names.length; at += BATCH) {
    const batch = names.slice(at, at + BATCH);
    const results = await Promise.all(batch.map((name) => indexOne(dir, name, old?.entries[name])));
    batch.forEach((name, i) => {
      const result = results[i]!;
      if (result instanceof CorpusError) {
        problems.push(result);
        changed = true;
        return;
      }
      entries[name] = result.entry;
      if (result.fresh) changed = true;
      documents.push({ ...result.entry.document, path: join(dir, name) });
    });
  }
  if (file !== undefined && changed) await writeIndex(file, { format: FORMAT, corpus, entries });
  return { documents, problems };
}

async function indexOne(dir: string, name: string, cached: Entry | undefined): Promise<{ entry: Entry; fresh: boolean } | CorpusError> {
  const path = join(dir, name);
  try {
    const info = await stat(path, { bigint: true });
    const key = { size: Number(info.size), mtime: String(info.mtimeNs), ino: String(info.ino) };
    if (cached && cached.size === key.size && cached.mtime === key.mtime && cached.ino === key.ino) return { entry: cached, fresh: false };
    // Reading a document (and parsing its front matter) is only needed for files the index lacks.
    const { readStoredFile } = await import('./corpus-store.js');
    const doc = await readStoredFile(path);
    return { entry: { ...key, document: summarize(doc) }, fresh: true };
  } catch (error) {
    return error instanceof CorpusError ? error : new CorpusError(path, describeFsError(error));
  }
}

async function readIndex(file: string, corpus: string): Promise<IndexFile | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as IndexFile;
    return data.format === FORMAT && data.corpus === corpus && typeof data.entries === 'object' ? data : undefined;
  } catch {
    return undefined;
  }
}

async function writeIndex(file: string, index: IndexFile): Promise<void> {
  try {
    await mkdir(join(file, '..'), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(index));
    await rename(temp, file);
  } catch {
    // The index is a cache: without it the next run reads the files again.
  }
}
