// An index of a corpus folder, kept in a cache folder outside the corpus (so it never shows up in
// git): for every document file, its size, modification and change times and inode, and the
// summary the comparisons and ingest need (metadata, language, themes with scores and the offsets
// of their strongest passage; no body, no terms). A file whose size, times or inode differ from its
// entry is read again; files gone are dropped; new files are read. A file changed within
// RACY_MS of the moment the index was written is read again too (a same-size edit inside one tick
// of a coarse file-system clock would otherwise look unchanged). The index is only a cache: it is
// never trusted over the files, and deleting it loses nothing.
//
// On disk it is JSON with one array of plain values per document and a table of the strings that
// repeat (levels, countries, publishers, theme ids): 100,000 documents parse in about 0.1 s, where
// one object per document took six times as long.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, readdir, realpath, rename, unlink } from 'node:fs/promises';
import { closeSync, createReadStream, mkdirSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { hashText } from '../core/record.js';
import { CorpusError } from '../errors.js';
import type { ComparedDocument, DocumentMeta, Evidence, LanguageCode, Level, StoredDocument } from '../model.js';
import { assertCorpusExists } from './corpus-store.js';
import { boundHeapGrowth } from './heap.js';
import { describeFsError } from './read-input.js';

/** What the comparisons and ingest need of a stored document, without its body. */
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
  encoding: string;
  languageHint?: string;
  pages?: number[];
  /** `cited`: the theme has a strongest passage to cite (its offsets, text and terms are in the file). */
  themes: Array<{ id: string; score: number; cited: boolean }>;
}

/** A document as the comparisons see it, with what decides whether its analysis is current. */
export interface IndexedComparison {
  document: ComparedDocument;
  taxonomyVersion: string;
  bodyEdited: boolean;
  path: string;
}

/** A summary without its path (the path follows from the corpus folder and the id). */
export type DocumentSummary = Omit<IndexedDocument, 'path'>;

/** The readable documents of a corpus (sorted by file name) and the files that could not be read. */
export interface IndexedCorpus {
  documents: IndexedDocument[];
  problems: CorpusError[];
}

/** A loaded index: summaries decoded on demand; a writer (ingest) records what it stored, then saves. */
export interface CorpusIndex {
  /** Files that could not be read as documents. */
  problems: CorpusError[];
  /** Every document's summary, sorted by file name (decoded afresh on each call). */
  documents: () => IndexedDocument[];
  /** The same, decoded one at a time as they are iterated. */
  each: () => Iterable<IndexedDocument>;
  /** Every document as the comparisons see it (evidence text and terms left to read when cited), decoded one at a time. */
  eachCompared: () => Iterable<IndexedComparison>;
  /**
   * The same as eachCompared, letting go of each row once decoded, so that the rows and the
   * comparisons are never all in memory together. Only once the index is saved: afterwards the
   * index has no documents left.
   */
  takeCompared: () => Iterable<IndexedComparison>;
  /** The summary of one document, or undefined when the corpus has none with this id. */
  get: (id: string) => IndexedDocument | undefined;
  /** Records the summary of a file this run has just written (its times and inode are read now). */
  record: (summary: DocumentSummary) => void;
  /** Writes the index back to the cache (best effort). */
  save: () => Promise<void>;
}

const FORMAT = 4;
/** Files to read from which the run bounds its heap growth (see heap.ts). */
const MANY_FILES = 1000;
/** Changes this close (in ms) to the time the index was written are checked again on the next run. */
const RACY_MS = 2000;

/** Returns the folder the index files live in: $AIPOLICY_CACHE, else $XDG_CACHE_HOME/aipolicy, else ~/.cache/aipolicy. */
export function indexFolder(env: Record<string, string | undefined>): string {
  return env['AIPOLICY_CACHE'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'aipolicy');
}

/** Returns the summary of a stored document as the index keeps it. */
export function summarize(doc: StoredDocument, bodyEdited = hashText(doc.body) !== doc.contentHash): DocumentSummary {
  return {
    id: doc.id,
    meta: doc.meta,
    language: doc.language,
    languages: doc.languages,
    contentHash: doc.contentHash,
    taxonomyVersion: doc.taxonomyVersion,
    bodyEdited,
    encoding: doc.encoding,
    ...(doc.languageHint === undefined ? {} : { languageHint: doc.languageHint }),
    ...(doc.pages === undefined ? {} : { pages: doc.pages }),
    themes: doc.themes.map((t) => ({ id: t.id, score: t.score, cited: t.evidence.length > 0 })),
  };
}

/** Returns the summaries of every document of the corpus (see openCorpusIndex), saving the index when it changed. */
export async function loadCorpusIndex(dir: string, cacheDir: string | undefined): Promise<IndexedCorpus> {
  const index = await openCorpusIndex(dir, cacheDir);
  await index.save();
  return { documents: index.documents(), problems: index.problems };
}

/**
 * Returns the index of a corpus: every document's summary, from the index where the file is
 * unchanged and from the file itself otherwise. Nothing is written until `save`.
 */
export async function openCorpusIndex(dir: string, cacheDir: string | undefined): Promise<CorpusIndex> {
  await assertCorpusExists(dir);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
  const corpus = await realpath(dir);
  const file = cacheDir === undefined ? undefined : join(cacheDir, `index-${createHash('sha256').update(corpus).digest('hex').slice(0, 24)}.json`);
  const old = file === undefined ? undefined : await readIndex(file, corpus);
  const table = old?.table ?? new StringTable();
  const entries = new Map<string, Row>();
  const problems: CorpusError[] = [];
  let changed = old === undefined || old.entries.size !== names.length;
  const toRead: Array<{ name: string; key: StatKey }> = [];
  const failed = new Map<string, CorpusError>();
  for (const name of names) {
    const key = statKey(join(dir, name));
    if (key instanceof CorpusError) {
      failed.set(name, key);
      continue;
    }
    const cached = old?.entries.get(name);
    if (cached && sameKey(cached, key) && key.ctime < old!.written - RACY_MS) entries.set(name, cached);
    else toRead.push({ name, key });
  }
  if (toRead.length > 0 || failed.size > 0) changed = true;
  if (toRead.length > 0) {
    if (toRead.length >= MANY_FILES) boundHeapGrowth();
    // Reading a document (and parsing its front matter) is only needed for files the index lacks.
    const { readStoredFile } = await import('./corpus-store.js');
    for (const { name, key } of toRead) {
      const path = join(dir, name);
      try {
        // A copy through JSON: strings parsed from a front matter are slices that keep the whole file in memory.
        entries.set(name, JSON.parse(JSON.stringify(encodeRow(table, summarize(await readStoredFile(path)), key))) as Row);
      } catch (error) {
        failed.set(name, error instanceof CorpusError ? error : new CorpusError(path, describeFsError(error)));
      }
    }
  }
  for (const name of names) {
    const problem = failed.get(name);
    if (problem) problems.push(problem);
  }
  const withPath = (name: string, row: Row): IndexedDocument => ({ ...decodeRow(table, row), path: join(dir, name) });
  function* each(): Iterable<IndexedDocument> {
    for (const name of names) {
      const row = entries.get(name);
      if (row) yield withPath(name, row);
    }
  }
  // Rows a run records go to a file beside the index as they come, not into memory: a run that
  // stores 100,000 documents would otherwise hold 40 MB of rows until it saves.
  const spill = file === undefined ? undefined : new RowSpill(`${file}.${process.pid}.rows`);
  function* eachCompared(release = false): Iterable<IndexedComparison> {
    const countries = new Map<number, string[]>();
    for (const name of names) {
      const row = entries.get(name);
      if (row === undefined) continue;
      if (release) entries.delete(name);
      yield decodeCompared(table, row, join(dir, name), countries);
    }
  }
  return {
    problems,
    documents: () => [...each()],
    each,
    eachCompared: () => eachCompared(),
    takeCompared: () => {
      if (changed) throw new Error('takeCompared before the index is saved');
      return eachCompared(true);
    },
    get: (id) => {
      const row = entries.get(`${id}.md`);
      return row ? withPath(`${id}.md`, row) : undefined;
    },
    record: (summary) => {
      const name = `${summary.id}.md`;
      entries.delete(name);
      changed = true;
      const key = statKey(join(dir, name));
      if (!(key instanceof CorpusError)) spill?.add(JSON.stringify(encodeRow(table, summary, key)));
    },
    save: async () => {
      if (file !== undefined && changed) await writeIndex(file, corpus, table, entries, spill);
      spill?.discard();
      changed = false;
    },
  };
}

interface StatKey {
  size: number;
  mtime: number;
  ctime: number;
  ino: number;
}

/** Rows recorded during a run, appended to a temporary file in pieces. */
class RowSpill {
  private pending: string[] = [];
  private pendingLength = 0;
  private fd: number | undefined;
  private failed = false;
  count = 0;

  constructor(readonly path: string) {}

  add(json: string): void {
    this.pending.push(json);
    this.pendingLength += json.length;
    this.count += 1;
    if (this.pendingLength >= 64 * 1024) this.flush();
  }

  /** Writes what is pending; returns false when the spill file could not be written (the index is then not saved). */
  flush(): boolean {
    if (this.failed) return false;
    if (this.pending.length === 0) return true;
    try {
      if (this.fd === undefined) {
        mkdirSync(dirname(this.path), { recursive: true });
        this.fd = openSync(this.path, 'w');
      }
      writeSync(this.fd, `${this.count > this.pending.length ? ',' : ''}${this.pending.join(',')}`);
    } catch {
      this.failed = true;
      return false;
    } finally {
      this.pending = [];
      this.pendingLength = 0;
    }
    return true;
  }

  discard(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.count = 0;
    this.failed = false;
    try {
      unlinkSync(this.path);
    } catch {
      // Never written, or already gone.
    }
  }
}

// Synchronous stat: for 100,000 files it takes a third of the time of batched promises.
function statKey(path: string): StatKey | CorpusError {
  try {
    const info = statSync(path);
    if (!info.isFile()) return new CorpusError(path, 'not a regular file');
    return { size: info.size, mtime: info.mtimeMs, ctime: info.ctimeMs, ino: info.ino };
  } catch (error) {
    return new CorpusError(path, describeFsError(error));
  }
}

function sameKey(row: Row, key: StatKey): boolean {
  return row[1] === key.size && row[2] === key.mtime && row[3] === key.ctime && row[4] === key.ino;
}

// One document as a row of plain values; strings that repeat are numbers into the string table.
// [id, size, mtime, ctime, ino, title, level, country, region, date, publisher, source, language,
//  languages, contentHash, taxonomyVersion, bodyEdited, encoding, languageHint, pages, themes]
// languages: [language, share] pairs, in the document's order (strongest first).
// themes: [theme, score, cited (1 or 0)] per theme.
type Row = [
  string, number, number, number, number,
  string | null, number, number, number, string | null, number, string | null,
  number, number[], string, number, 0 | 1, number, number, number[] | null, number[],
];
const THEME_FIELDS = 3;
const ROW_LENGTH = 21;

interface IndexFile {
  format: number;
  corpus: string;
  /** When the index was written (ms since the epoch). */
  written: number;
  strings: string[];
  rows: Row[];
}

/** The strings that repeat in an index (levels, countries, publishers, theme ids…), each stored once. */
class StringTable {
  readonly strings: string[];
  private readonly seen = new Map<string, number>();

  constructor(strings: string[] = []) {
    this.strings = strings;
    strings.forEach((value, at) => this.seen.set(value, at));
  }

  intern(value: string | undefined): number {
    if (value === undefined) return -1;
    let at = this.seen.get(value);
    if (at === undefined) {
      at = this.strings.length;
      this.strings.push(value);
      this.seen.set(value, at);
    }
    return at;
  }

  get(at: number): string | undefined {
    return at === -1 ? undefined : this.strings[at];
  }
}

function encodeRow(table: StringTable, s: DocumentSummary, key: StatKey): Row {
  const m = s.meta;
  const themes: number[] = [];
  for (const t of s.themes) themes.push(table.intern(t.id), t.score, t.cited ? 1 : 0);
  return [
    s.id, key.size, key.mtime, key.ctime, key.ino,
    m.title ?? null, table.intern(m.level), table.intern(m.country?.join(';')), table.intern(m.region), m.date ?? null, table.intern(m.publisher), m.source ?? null,
    table.intern(s.language), Object.entries(s.languages).flatMap(([code, share]) => [table.intern(code), share]), s.contentHash, table.intern(s.taxonomyVersion), s.bodyEdited ? 1 : 0,
    table.intern(s.encoding), table.intern(s.languageHint), s.pages ?? null, themes,
  ];
}

function decodeRow(table: StringTable, row: Row): DocumentSummary {
  const str = (at: number): string | undefined => table.get(at);
  const id = row[0];
  const [language, languages, contentHash, taxonomyVersion, bodyEdited, encoding, hint, pages, themes] = row.slice(12) as [
    number, number[], string, number, 0 | 1, number, number, number[] | null, number[],
  ];
  const meta = metaOf(table, row);
  const summaryThemes: DocumentSummary['themes'] = [];
  for (let k = 0; k < themes.length; k += THEME_FIELDS) summaryThemes.push({ id: str(themes[k]!)!, score: themes[k + 1]!, cited: themes[k + 2] === 1 });
  return {
    id,
    meta,
    language: str(language) as LanguageCode,
    languages: languagesOf(table, languages),
    contentHash,
    taxonomyVersion: str(taxonomyVersion)!,
    bodyEdited: bodyEdited === 1,
    encoding: str(encoding)!,
    ...(hint === -1 ? {} : { languageHint: str(hint)! }),
    ...(pages === null ? {} : { pages: [...pages] }),
    themes: summaryThemes,
  };
}

// Straight from a row to what the comparisons need: no summary in between, and a theme's evidence
// made only when asked (outputs cite one passage per cell; 100,000 documents have 600,000 themes).
function decodeCompared(table: StringTable, row: Row, path: string, countries: Map<number, string[]>): IndexedComparison {
  const themes: ComparedDocument['themes'] = [];
  const raw = row[20];
  for (let k = 0; k < raw.length; k += THEME_FIELDS) themes.push(new IndexedHit(table.get(raw[k]!)!, raw[k + 1]!, raw[k + 2] === 1));
  const document: ComparedDocument = { id: row[0], meta: metaOf(table, row, countries), language: table.get(row[12]) as LanguageCode, contentHash: row[14], path, themes };
  return { document, taxonomyVersion: table.get(row[15])!, bodyEdited: row[16] === 1, path };
}

/** A theme of an indexed document: its evidence, when it has some, is a placeholder filled from the file when an output cites it. */
class IndexedHit {
  constructor(
    readonly id: string,
    readonly score: number,
    private readonly cited: boolean,
  ) {}

  get evidence(): Evidence | undefined {
    return this.cited ? pendingPassage() : undefined;
  }
}

/** Evidence still to read from the file: the theme's strongest passage (passage -1: offsets unknown yet). */
export function pendingPassage(): Evidence {
  return { text: '', terms: [], start: -1, end: -1, passage: -1, score: -1 };
}

function metaOf(table: StringTable, row: Row, countries?: Map<number, string[]>): DocumentMeta {
  const [, , , , , title, level, country, region, date, publisher, source] = row;
  const meta: DocumentMeta = {};
  if (title !== null) meta.title = title;
  if (level !== -1) meta.level = table.get(level) as Level;
  if (country !== -1) {
    // Documents of one country share its list (when the caller keeps them): never changed once read.
    let list = countries?.get(country);
    if (list === undefined) {
      list = table.get(country)!.split(';');
      countries?.set(country, list);
    }
    meta.country = list;
  }
  if (region !== -1) meta.region = table.get(region)!;
  if (date !== null) meta.date = date;
  if (publisher !== -1) meta.publisher = table.get(publisher)!;
  if (source !== null) meta.source = source;
  return meta;
}

function languagesOf(table: StringTable, pairs: number[]): Partial<Record<LanguageCode, number>> {
  const languages: Partial<Record<LanguageCode, number>> = {};
  for (let k = 0; k < pairs.length; k += 2) languages[table.get(pairs[k]!) as LanguageCode] = pairs[k + 1]!;
  return languages;
}

// Every field of a row has the type its place says, and every string number is in the table;
// anything else (an index written by hand, or damaged) makes the whole index unusable.
function isRow(value: unknown, strings: number): value is Row {
  if (!Array.isArray(value) || value.length !== ROW_LENGTH) return false;
  const textOrNull = (v: unknown) => v === null || typeof v === 'string';
  const ref = (v: unknown) => Number.isInteger(v) && (v as number) >= -1 && (v as number) < strings;
  const [id, size, mtime, ctime, ino, title, level, country, region, date, publisher, source, language, languages, hash, version, edited, encoding, hint, pages, themes] = value as unknown[];
  if (typeof id !== 'string' || ![size, mtime, ctime, ino].every((n) => typeof n === 'number')) return false;
  if (![title, date, source].every(textOrNull) || ![level, country, region, publisher, hint].every(ref)) return false;
  if (![language, version, encoding].every((v) => ref(v) && v !== -1) || typeof hash !== 'string' || (edited !== 0 && edited !== 1)) return false;
  if (!Array.isArray(languages) || languages.length % 2 !== 0 || !languages.every((v, k) => (k % 2 === 0 ? ref(v) && v !== -1 : typeof v === 'number'))) return false;
  if (pages !== null && !(Array.isArray(pages) && pages.every((n) => typeof n === 'number'))) return false;
  if (!Array.isArray(themes) || themes.length % THEME_FIELDS !== 0 || !themes.every((n) => typeof n === 'number')) return false;
  for (let k = 0; k < themes.length; k += THEME_FIELDS) if (!ref(themes[k]) || themes[k] === -1 || (themes[k + 2] !== 0 && themes[k + 2] !== 1)) return false;
  return true;
}

async function readIndex(file: string, corpus: string): Promise<{ written: number; table: StringTable; entries: Map<string, Row> } | undefined> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as IndexFile;
    if (data.format !== FORMAT || data.corpus !== corpus || typeof data.written !== 'number') return undefined;
    if (!Array.isArray(data.strings) || !data.strings.every((v) => typeof v === 'string') || !Array.isArray(data.rows)) return undefined;
    const entries = new Map<string, Row>();
    for (const row of data.rows) {
      if (!isRow(row, data.strings.length)) return undefined;
      entries.set(`${row[0]}.md`, row);
    }
    return { written: data.written, table: new StringTable(data.strings), entries };
  } catch {
    return undefined;
  }
}

/** Rows written per piece: the index file is written in pieces, never held whole as one string. */
const ROWS_PER_PIECE = 2000;

// The rows are written first and the string table last (recorded rows add strings to it). Without
// recorded rows the table is compacted to the strings the rows use; with them, it is written as
// it is (the rows in the spill file refer to it), strings of replaced rows included.
async function writeIndex(file: string, corpus: string, table: StringTable, entries: Map<string, Row>, spill: RowSpill | undefined): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    if (spill !== undefined && !spill.flush()) throw new Error('the recorded rows could not be kept');
    await mkdir(join(file, '..'), { recursive: true });
    const written = Date.now();
    const names = [...entries.keys()].sort();
    const recorded = spill?.count ?? 0;
    const fresh = recorded > 0 ? table : new StringTable();
    const map = recorded > 0 ? (n: number) => n : (n: number) => fresh.intern(table.get(n));
    const handle = await open(temp, 'w');
    try {
      await handle.write(`{"format":${FORMAT},"corpus":${JSON.stringify(corpus)},"written":${written},"rows":[`);
      for (let at = 0; at < names.length; at += ROWS_PER_PIECE) {
        const piece = names.slice(at, at + ROWS_PER_PIECE).map((name) => remap(entries.get(name)!, map));
        await handle.write(`${at === 0 ? '' : ','}${JSON.stringify(piece).slice(1, -1)}`);
      }
      if (recorded > 0) {
        if (names.length > 0) await handle.write(',');
        for await (const chunk of createReadStream(spill!.path)) await handle.write(chunk as Buffer);
      }
      await handle.write(`],"strings":${JSON.stringify(fresh.strings)}}\n`);
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch {
    // The index is a cache: without it the next run reads the files again.
    await unlink(temp).catch(() => undefined);
  }
}

// A row with its string numbers mapped into another table.
function remap(row: Row, map: (at: number) => number): Row {
  const themes = [...row[20]];
  for (let k = 0; k < themes.length; k += THEME_FIELDS) themes[k] = map(themes[k]!);
  const languages = row[13].map((v, k) => (k % 2 === 0 ? map(v) : v));
  return [
    row[0], row[1], row[2], row[3], row[4], row[5], map(row[6]), map(row[7]), map(row[8]), row[9], map(row[10]), row[11],
    map(row[12]), languages, row[14], map(row[15]), row[16], map(row[17]), map(row[18]), row[19], themes,
  ];
}
