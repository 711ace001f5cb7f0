// An index of a corpus folder, kept in a cache folder outside the corpus (so it never shows up in
// git): for every document file, its size, modification and change times and inode, and the
// summary the comparisons and ingest need (metadata, language, themes with scores and whether
// they have a passage to cite; no body, no terms). A file whose size, times or inode differ from
// its entry is read again; files gone are dropped; new files are read. A file changed within
// RACY_MS of the moment the index was written is read again too (a same-size edit inside one tick
// of a coarse file-system clock would otherwise look unchanged). The index is only a cache: it is
// never trusted over the files, and deleting it loses nothing.
//
// On disk it is JSON lines: a header line (format, folder, when written, number of rows, and a
// table of the strings that repeat: levels, countries, publishers, theme ids…), then one array of
// plain values per document, each on its own line. It is read a piece at a time and each row is
// checked and decoded as it is read, so the file's text and its rows are never all in memory
// (100,000 documents: 29 MB of text, some 80 MB as parsed rows). Any row that is not what its
// place says, a row count that differs from the header's, or a last line cut short makes the
// whole index unusable: it is then rebuilt from the files.
import { createHash } from 'node:crypto';
import { mkdir, open, realpath, rename, unlink, type FileHandle } from 'node:fs/promises';
import { closeSync, createReadStream, fstatSync, mkdirSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { hashText } from '../core/record.js';
import { CorpusError } from '../errors.js';
import type { ComparedDocument, DocumentMeta, Evidence, LanguageCode, Level, StoredDocument } from '../model.js';
import { assertCorpusExists } from './corpus-store.js';
import { KEY_FIELDS, listFolder, statInto, type FolderListing } from './corpus-listing.js';
import { boundHeapGrowth } from './heap.js';
import { describeFsError } from './fs-errors.js';

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
  /** Whether a worker thread listed the folder and stat'ed its files (a large corpus, see LIST_IN_WORKER_FROM). */
  listedInWorker: boolean;
  /** Every document's summary, sorted by file name (decoded afresh on each call). */
  documents: () => IndexedDocument[];
  /** The same, decoded one at a time as they are iterated. */
  each: () => Iterable<IndexedDocument>;
  /** Every document as the comparisons see it (evidence text and terms left to read when cited), one at a time. */
  eachCompared: () => Iterable<IndexedComparison>;
  /**
   * The same as eachCompared, letting go of each document's entry as it is handed out, so that
   * the index keeps nothing the comparisons do not. Only once the index is saved: afterwards the
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

const FORMAT = 5;
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
export async function loadCorpusIndex(dir: string, cacheDir: string | undefined, options: IndexOptions = {}): Promise<IndexedCorpus> {
  const index = await openCorpusIndex(dir, cacheDir, options);
  await index.save();
  return { documents: index.documents(), problems: index.problems };
}

/** How an index is opened. */
export interface IndexOptions {
  /** An index of at least this many rows has its folder listed by a worker thread (default LIST_IN_WORKER_FROM). */
  listInWorkerFrom?: number;
  /**
   * Keeps each row of the index file as the line it was read from, and decodes it each time it is
   * asked for: for a run that looks at each document once or twice (ingest), not for the
   * comparisons, which read every document. 100,000 documents take some 32 MB so, instead of 75 MB decoded.
   */
  lean?: boolean;
}

/**
 * From this many rows in the index, a worker thread lists the folder and stats every file while
 * this thread reads the index. For 100,000 documents each takes about 0.3 s: side by side,
 * `overlap` took 0.81–0.84 s against 1.01–1.11 s one after the other (interleaved runs, 7 MB more
 * memory). At 10,000 and 20,000 rows the two ways were within noise of each other (±15 ms): the
 * worker's start-up eats what it saves.
 */
export const LIST_IN_WORKER_FROM = 20_000;

/**
 * Returns the index of a corpus: every document's summary, from the index where the file is
 * unchanged and from the file itself otherwise. Nothing is written until `save`.
 */
export async function openCorpusIndex(dir: string, cacheDir: string | undefined, options: IndexOptions = {}): Promise<CorpusIndex> {
  await assertCorpusExists(dir);
  const corpus = await realpath(dir);
  const file = cacheDir === undefined ? undefined : join(cacheDir, `index-${createHash('sha256').update(corpus).digest('hex').slice(0, 24)}.json`);
  const decoder = new Decoder(dir);
  const reader = file === undefined ? undefined : openIndexFile(file, corpus);
  let listedInWorker = false;
  const inWorker =
    reader !== undefined && reader.header.rows >= (options.listInWorkerFrom ?? LIST_IN_WORKER_FROM)
      ? listInWorker(dir).then(
          (listing) => {
            listedInWorker = true;
            return listing;
          },
          // A worker that cannot start or fails: this thread lists the folder (and meets the same error, if it was the folder's).
          () => listFolder(dir),
        )
      : undefined;
  const lean = options.lean ?? false;
  const old = reader === undefined ? undefined : readRows(reader, decoder, lean);
  // Every file is looked at, so that each row of the index can be judged against its file.
  const { names, keys, failures } = inWorker === undefined ? listFolder(dir) : await inWorker;
  const failed = new Map<number, CorpusError>(failures.map(([at, problem]) => [at, new CorpusError(join(dir, names[at]!), problem)]));
  // An entry, or in a lean index the line of its row, decoded when asked for (entryOf).
  const entries: Array<Entry | string | undefined> = new Array<Entry | string | undefined>(names.length).fill(undefined);
  const entryOf = (kept: Entry | string): Entry => (typeof kept === 'string' ? decoder.entry(JSON.parse(kept) as Row) : kept);
  // For each file whose row of the index file is kept, that row's number: a save copies its line as it is.
  const oldRow = new Int32Array(old === undefined || lean ? 0 : names.length).fill(-1);
  if (old === undefined) {
    // Nothing of a rejected index is kept, not even the rows read before the fault.
    decoder.reset();
  } else {
    // A row is kept when its file has the key the row records and was not changed close to when the index was written.
    const fresh = old.written - RACY_MS;
    let at = 0;
    for (let r = 0; r < old.entries.length; r++) {
      // Rows are written in file-name order: the next row's file is most often the next name.
      at = findName(names, `${old.ids[r]!}.md`, at);
      if (at === -1) {
        at = 0;
        continue;
      }
      const k = at * KEY_FIELDS;
      const j = r * KEY_FIELDS;
      const same = old.keys[j] === keys[k] && old.keys[j + 1] === keys[k + 1] && old.keys[j + 2] === keys[k + 2] && old.keys[j + 3] === keys[k + 3];
      if (same && keys[k + 2]! < fresh && !failed.has(at)) {
        entries[at] = old.entries[r];
        if (!lean) oldRow[at] = r;
      }
      at += 1;
    }
  }
  const toRead: number[] = [];
  let present = 0;
  for (let at = 0; at < names.length; at++) {
    if (entries[at] !== undefined) present += 1;
    else if (!failed.has(at)) toRead.push(at);
  }
  let changed = old === undefined || old.entries.length !== present || toRead.length > 0 || failed.size > 0;
  // What a save needs of the index file that was read, taken here: a closure that named `old` would
  // keep its arrays (every row's entry, id and key) for as long as the index, past takeCompared.
  const copy: RowCopy | undefined = old === undefined || lean ? undefined : { identity: old.identity, rows: old.entries.length, oldRow };
  if (toRead.length > 0) {
    if (toRead.length >= MANY_FILES) boundHeapGrowth();
    // Reading a document (and parsing its front matter) is only needed for files the index lacks.
    const { readStoredFile } = await import('./corpus-store.js');
    for (const at of toRead) {
      const path = join(dir, names[at]!);
      try {
        // A copy through JSON: strings parsed from a front matter are slices that keep the whole file in memory.
        const row = JSON.parse(JSON.stringify(encodeRow(decoder.table, summarize(await readStoredFile(path)), keyAt(keys, at)))) as Row;
        entries[at] = decoder.entry(row);
      } catch (error) {
        failed.set(at, error instanceof CorpusError ? error : new CorpusError(path, describeFsError(error)));
      }
    }
  }
  const problems: CorpusError[] = [];
  for (let at = 0; at < names.length; at++) {
    const problem = failed.get(at);
    if (problem) problems.push(problem);
  }
  const positionOf = (id: string): number => findName(names, `${id}.md`, 0);
  function* each(): Iterable<IndexedDocument> {
    for (const entry of entries) if (entry !== undefined) yield decoder.summary(entryOf(entry));
  }
  // Rows a run records go to a file beside the index as they come, not into memory: a run that
  // stores 100,000 documents would otherwise hold 40 MB of rows until it saves.
  const spill = file === undefined ? undefined : new RowSpill(`${file}.${process.pid}.rows`);
  function* eachCompared(release = false): Iterable<IndexedComparison> {
    for (let at = 0; at < entries.length; at++) {
      const entry = entries[at];
      if (entry === undefined) continue;
      if (release) entries[at] = undefined;
      yield new Comparison(entryOf(entry));
    }
  }
  return {
    problems,
    listedInWorker,
    documents: () => [...each()],
    each,
    eachCompared: () => eachCompared(),
    takeCompared: () => {
      if (changed) throw new Error('takeCompared before the index is saved');
      return eachCompared(true);
    },
    get: (id) => {
      const entry = entries[positionOf(id)];
      return entry === undefined ? undefined : decoder.summary(entryOf(entry));
    },
    record: (summary) => {
      const at = positionOf(summary.id);
      if (at !== -1) entries[at] = undefined;
      changed = true;
      const path = join(dir, `${summary.id}.md`);
      const key = new Float64Array(KEY_FIELDS);
      if (statInto(path, key, 0) === undefined) spill?.add(JSON.stringify(encodeRow(decoder.table, summary, key)));
    },
    save: async () => {
      if (file !== undefined && changed) await writeIndex(file, corpus, decoder, entries, keys, spill, lean, copy);
      spill?.discard();
      changed = false;
    },
  };
}

/** Returns the position of `name` in the sorted `names` (or -1), looking at `hint` first. */
function findName(names: string[], name: string, hint: number): number {
  if (names[hint] === name) return hint;
  let low = 0;
  let high = names.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const here = names[mid]!;
    if (here === name) return mid;
    if (here < name) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

function keyAt(keys: Float64Array, at: number): Float64Array {
  return keys.subarray(at * KEY_FIELDS, (at + 1) * KEY_FIELDS);
}

/** Rows recorded during a run, appended to a temporary file in pieces, one row per line. */
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
      writeSync(this.fd, `${this.pending.join('\n')}\n`);
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

/** The first line of an index file. */
interface IndexHeader {
  format: number;
  corpus: string;
  /** When the index was written (ms since the epoch). */
  written: number;
  /** How many row lines follow. */
  rows: number;
  strings: string[];
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

/**
 * A document of the index as the comparisons see it. Its path is made when asked (only stale
 * documents and cited passages need it), and its themes are shared with every document that has
 * the same theme, score and citation (scores have three decimals: 100,000 documents have half a
 * million themes and a few thousand distinct ones).
 */
class IndexedCompared implements ComparedDocument {
  constructor(
    readonly id: string,
    readonly meta: DocumentMeta,
    readonly language: LanguageCode,
    readonly contentHash: string,
    readonly themes: IndexedHit[],
    private readonly folder: string,
  ) {}

  get path(): string {
    return join(this.folder, `${this.id}.md`);
  }
}

/** A theme of an indexed document: its evidence, when it has some, is a placeholder filled from the file when an output cites it. */
class IndexedHit {
  constructor(
    readonly id: string,
    readonly score: number,
    readonly cited: boolean,
  ) {}

  get evidence(): Evidence | undefined {
    return this.cited ? pendingPassage() : undefined;
  }
}

/** Evidence still to read from the file: the theme's strongest passage (passage -1: offsets unknown yet). */
export function pendingPassage(): Evidence {
  return { text: '', terms: [], start: -1, end: -1, passage: -1, score: -1 };
}

/** One document of the index: the comparisons' view of it, and the rest of its summary. */
interface Entry {
  document: IndexedCompared;
  /** [language, share] pairs, languages as numbers into the string table. */
  languages: number[];
  taxonomyVersion: string;
  bodyEdited: boolean;
  encoding: string;
  languageHint: string | undefined;
  pages: number[] | null;
}

/** What a comparison is handed: the document, and whether its analysis is current. */
class Comparison implements IndexedComparison {
  readonly document: IndexedCompared;
  readonly taxonomyVersion: string;
  readonly bodyEdited: boolean;

  constructor(entry: Entry) {
    this.document = entry.document;
    this.taxonomyVersion = entry.taxonomyVersion;
    this.bodyEdited = entry.bodyEdited;
  }

  get path(): string {
    return this.document.path;
  }
}

/** Turns rows into entries and entries into summaries, against one string table; shares what repeats. */
class Decoder {
  table = new StringTable();
  /** Country lists by string number: documents of one country share one list (never changed once read). */
  private countries = new Map<number, string[]>();
  /** Themes by string number × 2 + cited, then by score. */
  private hits: Array<Map<number, IndexedHit> | undefined> = [];

  constructor(private readonly folder: string) {}

  reset(table = new StringTable()): void {
    this.table = table;
    this.countries = new Map();
    this.hits = [];
  }

  /** Returns the entry of a checked row (its strings are kept; the row itself is not). */
  entry(row: Row): Entry {
    const table = this.table;
    const raw = row[20];
    const themes: IndexedHit[] = [];
    for (let k = 0; k < raw.length; k += THEME_FIELDS) themes.push(this.hit(raw[k]!, raw[k + 1]!, raw[k + 2] === 1));
    return {
      document: new IndexedCompared(row[0], metaOf(table, row, this.countries), table.get(row[12]) as LanguageCode, row[14], themes, this.folder),
      languages: row[13],
      taxonomyVersion: table.get(row[15])!,
      bodyEdited: row[16] === 1,
      encoding: table.get(row[17])!,
      languageHint: table.get(row[18]),
      pages: row[19],
    };
  }

  private hit(theme: number, score: number, cited: boolean): IndexedHit {
    const slot = theme * 2 + (cited ? 1 : 0);
    let byScore = this.hits[slot];
    if (byScore === undefined) {
      byScore = new Map();
      this.hits[slot] = byScore;
    }
    let hit = byScore.get(score);
    if (hit === undefined) {
      hit = new IndexedHit(this.table.get(theme)!, score, cited);
      byScore.set(score, hit);
    }
    return hit;
  }

  /** Returns the summary of an entry, in objects of its own (nothing shared with other documents). */
  summary(entry: Entry): IndexedDocument {
    const doc = entry.document;
    const meta = { ...doc.meta };
    if (meta.country !== undefined) meta.country = [...meta.country];
    return {
      id: doc.id,
      meta,
      language: doc.language,
      languages: languagesOf(this.table, entry.languages),
      contentHash: doc.contentHash,
      taxonomyVersion: entry.taxonomyVersion,
      bodyEdited: entry.bodyEdited,
      encoding: entry.encoding,
      ...(entry.languageHint === undefined ? {} : { languageHint: entry.languageHint }),
      ...(entry.pages === null ? {} : { pages: [...entry.pages] }),
      themes: doc.themes.map((t) => ({ id: t.id, score: t.score, cited: t.cited })),
      path: doc.path,
    };
  }
}

function encodeRow(table: StringTable, s: DocumentSummary, key: ArrayLike<number>): Row {
  const m = s.meta;
  const themes: number[] = [];
  for (const t of s.themes) themes.push(table.intern(t.id), t.score, t.cited ? 1 : 0);
  return [
    s.id, key[0]!, key[1]!, key[2]!, key[3]!,
    m.title ?? null, table.intern(m.level), table.intern(m.country?.join(';')), table.intern(m.region), m.date ?? null, table.intern(m.publisher), m.source ?? null,
    table.intern(s.language), Object.entries(s.languages).flatMap(([code, share]) => [table.intern(code), share]), s.contentHash, table.intern(s.taxonomyVersion), s.bodyEdited ? 1 : 0,
    table.intern(s.encoding), table.intern(s.languageHint), s.pages ?? null, themes,
  ];
}

// The row of an entry, its strings numbered in `table` (languages are numbers into `from`).
function entryRow(table: StringTable, from: StringTable, entry: Entry, key: ArrayLike<number>): Row {
  const doc = entry.document;
  const m = doc.meta;
  const themes: number[] = [];
  for (const t of doc.themes) themes.push(table.intern(t.id), t.score, t.cited ? 1 : 0);
  const languages: number[] = [];
  for (let k = 0; k < entry.languages.length; k += 2) languages.push(table.intern(from.get(entry.languages[k]!)), entry.languages[k + 1]!);
  return [
    doc.id, key[0]!, key[1]!, key[2]!, key[3]!,
    m.title ?? null, table.intern(m.level), table.intern(m.country?.join(';')), table.intern(m.region), m.date ?? null, table.intern(m.publisher), m.source ?? null,
    table.intern(doc.language), languages, doc.contentHash, table.intern(entry.taxonomyVersion), entry.bodyEdited ? 1 : 0,
    table.intern(entry.encoding), table.intern(entry.languageHint), entry.pages, themes,
  ];
}

function metaOf(table: StringTable, row: Row, countries: Map<number, string[]>): DocumentMeta {
  const [, , , , , title, level, country, region, date, publisher, source] = row;
  const meta: DocumentMeta = {};
  if (title !== null) meta.title = title;
  if (level !== -1) meta.level = table.get(level) as Level;
  if (country !== -1) {
    let list = countries.get(country);
    if (list === undefined) {
      list = table.get(country)!.split(';');
      countries.set(country, list);
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
  const row = value as unknown[];
  const ref = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= -1 && v < strings;
  const textOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
  if (typeof row[0] !== 'string') return false;
  for (let k = 1; k <= 4; k++) if (typeof row[k] !== 'number') return false;
  if (!textOrNull(row[5]) || !textOrNull(row[9]) || !textOrNull(row[11])) return false;
  for (const k of [6, 7, 8, 10, 18]) if (!ref(row[k])) return false;
  for (const k of [12, 15, 17]) if (!ref(row[k]) || row[k] === -1) return false;
  if (typeof row[14] !== 'string' || (row[16] !== 0 && row[16] !== 1)) return false;
  const languages = row[13];
  if (!Array.isArray(languages) || languages.length % 2 !== 0) return false;
  for (let k = 0; k < languages.length; k += 2) if (!ref(languages[k]) || languages[k] === -1 || typeof languages[k + 1] !== 'number') return false;
  const pages = row[19];
  if (pages !== null) {
    if (!Array.isArray(pages)) return false;
    for (const n of pages) if (typeof n !== 'number') return false;
  }
  const themes = row[20];
  if (!Array.isArray(themes) || themes.length % THEME_FIELDS !== 0) return false;
  for (let k = 0; k < themes.length; k += THEME_FIELDS) {
    if (!ref(themes[k]) || themes[k] === -1 || typeof themes[k + 1] !== 'number' || (themes[k + 2] !== 0 && themes[k + 2] !== 1)) return false;
  }
  return true;
}

/** How every index file of this format starts (the header's first field). */
const HEADER_START = `{"format":${FORMAT},`;

/** Bytes read from the index file at a time. */
const READ_BYTES = 1 << 20;

/** The lines of a file, read a piece at a time; `complete` tells whether the last one ended with a newline. */
export class LineReader {
  private buffer: Buffer;
  private have = 0;
  private lines: string[] = [];
  private next = 0;
  private ended = false;
  complete = true;

  constructor(
    private readonly fd: number,
    bytes = READ_BYTES,
  ) {
    this.buffer = Buffer.allocUnsafe(bytes);
  }

  /** Returns the next line (without its newline), or undefined at the end of the file. */
  read(): string | undefined {
    while (this.next === this.lines.length) {
      if (this.ended) return undefined;
      this.fill();
    }
    return this.lines[this.next++];
  }

  private fill(): void {
    this.lines = [];
    this.next = 0;
    if (this.have === this.buffer.length) {
      // A line longer than the buffer (a large string table): the buffer grows to hold it.
      const larger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(larger, 0, 0, this.have);
      this.buffer = larger;
    }
    const got = readSync(this.fd, this.buffer, this.have, this.buffer.length - this.have, null);
    const end = this.have + got;
    if (got === 0) {
      this.ended = true;
      this.complete = this.have === 0;
      return;
    }
    const last = this.buffer.lastIndexOf(10, end - 1);
    if (last === -1) {
      this.have = end;
      return;
    }
    // One string per piece, and the lines as slices of it: the piece is decoded once.
    const text = this.buffer.toString('utf8', 0, last);
    let at = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', at)) {
      this.lines.push(text.slice(at, nl));
      at = nl + 1;
    }
    this.lines.push(text.slice(at));
    this.buffer.copy(this.buffer, 0, last + 1, end);
    this.have = end - last - 1;
  }
}

/** An index file whose header has been read and checked, open at its first row. */
interface IndexReader {
  fd: number;
  lines: LineReader;
  header: IndexHeader;
  /** The file's size, modification time and inode when it was opened (see fileIdentity). */
  identity: string;
}

/** Opens an index file for reading; undefined when it cannot be (missing, unreadable: the index is a cache). */
function openIfThere(file: string): number | undefined {
  try {
    return openSync(file, 'r');
  } catch {
    return undefined;
  }
}

/** What tells one version of an index file from another: its size, modification time and inode. */
function fileIdentity(fd: number): string {
  const info = fstatSync(fd);
  return `${info.size}:${info.mtimeMs}:${info.ino}`;
}

/** Opens an index file and reads its header; undefined when it is missing, of another format or for another folder. */
function openIndexFile(file: string, corpus: string): IndexReader | undefined {
  const fd = openIfThere(file);
  if (fd === undefined) return undefined;
  try {
    // The header starts with the format: an index of another format (format 4 was one line of
    // 29 MB for 100,000 documents) is known from its first bytes, not parsed whole to find out.
    const start = Buffer.from(HEADER_START);
    const first = Buffer.alloc(start.length);
    if (readSync(fd, first, 0, first.length, 0) === first.length && first.equals(start)) {
      const lines = new LineReader(fd);
      const header = JSON.parse(lines.read() ?? '') as IndexHeader;
      if (header !== null && typeof header === 'object' && header.format === FORMAT && header.corpus === corpus) {
        const { written, rows, strings } = header;
        if (typeof written === 'number' && Number.isInteger(rows) && rows >= 0 && Array.isArray(strings) && strings.every((v) => typeof v === 'string')) {
          return { fd, lines, header, identity: fileIdentity(fd) };
        }
      }
    }
  } catch {
    // An unreadable or damaged header: the index is not used.
  }
  closeSync(fd);
  return undefined;
}

/** The rows of an index file: decoded (or, lean, their lines), with the id and key (KEY_FIELDS numbers) each records. */
interface IndexRows {
  written: number;
  entries: Array<Entry | string>;
  ids: string[];
  keys: number[];
  identity: string;
}

/**
 * Reads and decodes every row of an opened index file, and closes it. Returns undefined when any
 * row is not what its place says, the count differs from the header's, or the last line is cut short.
 */
function readRows(reader: IndexReader, decoder: Decoder, lean: boolean): IndexRows | undefined {
  const { fd, lines, header } = reader;
  try {
    const strings = header.strings.length;
    decoder.reset(new StringTable(header.strings));
    const entries: Array<Entry | string> = [];
    const ids: string[] = [];
    const keys: number[] = [];
    for (let line = lines.read(); line !== undefined; line = lines.read()) {
      if (entries.length === header.rows) return undefined;
      // Every row is checked, lean or not: one that is not what its place says makes the index unusable.
      const row: unknown = JSON.parse(line);
      if (!isRow(row, strings)) return undefined;
      ids.push(row[0]);
      keys.push(row[1], row[2], row[3], row[4]);
      entries.push(lean ? line : decoder.entry(row));
    }
    if (entries.length !== header.rows || !lines.complete) return undefined;
    return { written: header.written, entries, ids, keys, identity: reader.identity };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Lists a corpus folder in a worker thread (see list-worker.ts); rejects when the worker fails. */
function listInWorker(dir: string): Promise<FolderListing> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./list-worker.js', import.meta.url), { workerData: { dir } });
    worker.once('message', (listing: FolderListing) => resolve(listing));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the listing worker exited with code ${code}`)));
  });
}

/** Rows written per piece: the index file is written in pieces, never held whole as one string. */
const ROWS_PER_PIECE = 2000;

// The string table goes in the header, so every string of every row is numbered before a row is
// written. Without recorded rows the table is compacted to the strings the rows use; with them, it
// is written as it is (the rows in the spill file refer to it), strings of replaced rows included.
// A lean index writes it as it is too: the lines it kept are written as they were read (their
// file has the key the line records, or the line would not have been kept). So does an index that
// kept rows of an index file still as it was read (`copy`): their lines are copied from that file,
// not encoded again (100,000 rows: some 0.3 s less for a save after one file changed). A table
// written as it is keeps the strings of rows gone since (levels, publishers, versions: a few
// hundred at most) until the index is next built afresh.
async function writeIndex(
  file: string,
  corpus: string,
  decoder: Decoder,
  entries: Array<Entry | string | undefined>,
  keys: Float64Array,
  spill: RowSpill | undefined,
  lean: boolean,
  copy: RowCopy | undefined,
): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  let source: number | undefined;
  try {
    if (spill !== undefined && !spill.flush()) throw new Error('the recorded rows could not be kept');
    await mkdir(join(file, '..'), { recursive: true });
    source = copy === undefined ? undefined : openUnchanged(file, copy.identity);
    const written = Date.now();
    const recorded = spill?.count ?? 0;
    const from = decoder.table;
    const table = recorded > 0 || lean || source !== undefined ? from : new StringTable();
    const kept: number[] = [];
    const copied = source === undefined ? undefined : new Uint8Array(copy!.rows);
    let copies = 0;
    for (let at = 0; at < entries.length; at++) {
      const entry = entries[at];
      if (entry === undefined) continue;
      const row = copied === undefined ? -1 : copy!.oldRow[at]!;
      if (row >= 0) {
        copied![row] = 1;
        copies += 1;
        continue;
      }
      kept.push(at);
      if (table !== from && typeof entry !== 'string') entryRow(table, from, entry, keyAt(keys, at));
    }
    const line = (at: number): string => {
      const entry = entries[at]!;
      return typeof entry === 'string' ? entry : JSON.stringify(entryRow(table, from, entry, keyAt(keys, at)));
    };
    const handle = await open(temp, 'w');
    try {
      const header = { format: FORMAT, corpus, written, rows: copies + kept.length + recorded, strings: table.strings } satisfies IndexHeader;
      await handle.write(`${JSON.stringify(header)}\n`);
      if (copies > 0) await copyRows(source!, copied!, handle);
      for (let k = 0; k < kept.length; k += ROWS_PER_PIECE) {
        const piece = kept.slice(k, k + ROWS_PER_PIECE).map(line);
        await handle.write(`${piece.join('\n')}\n`);
      }
      if (recorded > 0) for await (const chunk of createReadStream(spill!.path)) await handle.write(chunk as Buffer);
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch {
    // The index is a cache: without it the next run reads the files again.
    await unlink(temp).catch(() => undefined);
  } finally {
    if (source !== undefined) closeSync(source);
  }
}

/** Rows of the index file as it was read that a save copies: their numbers by file position, and how many rows it had. */
interface RowCopy {
  identity: string;
  rows: number;
  oldRow: Int32Array;
}

/** Opens the index file when it is still the version that was read (else undefined: its rows are encoded instead). */
function openUnchanged(file: string, identity: string): number | undefined {
  const fd = openIfThere(file);
  if (fd === undefined || fileIdentity(fd) === identity) return fd;
  closeSync(fd);
  return undefined;
}

/** Writes the lines of the rows marked in `rows`, read again from the index file open at `fd`, in pieces. */
async function copyRows(fd: number, rows: Uint8Array, handle: FileHandle): Promise<void> {
  const lines = new LineReader(fd);
  lines.read(); // the header
  const piece: string[] = [];
  let r = 0;
  for (let line = lines.read(); line !== undefined; line = lines.read(), r += 1) {
    if (rows[r] !== 1) continue;
    piece.push(line);
    if (piece.length === ROWS_PER_PIECE) await handle.write(`${piece.splice(0).join('\n')}\n`);
  }
  // The file is the version that was read, so it has every row: anything else is a failed save.
  if (r !== rows.length || !lines.complete) throw new Error('the index file changed while it was copied');
  if (piece.length > 0) await handle.write(`${piece.join('\n')}\n`);
}
