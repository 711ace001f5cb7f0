// The corpus index is a cache of the stored files' summaries: used where a file is unchanged,
// never trusted over a file that changed, rebuilt when missing, damaged or for another folder.
import { closeSync, openSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineReader, loadCorpusIndex as loadHere, openCorpusIndex as openHere, summarize } from '../../src/io/corpus-index.js';
// The listing worker runs as a thread of its own, so that mode is loaded from the build (npm test builds first).
import { loadCorpusIndex as loadBuilt, openCorpusIndex as openBuilt } from '../../dist/src/io/corpus-index.js';
import { readStoredFile } from '../../src/io/corpus-store.js';
import { makeTempDir } from '../helpers/cli.js';
import { BASELINE, makeBaselineCorpus } from '../helpers/baseline.js';
import { indexFileText, readIndexFile, writeIndexFile, type IndexFileContents } from '../helpers/index-file.js';

let dir = '';
let corpus = '';
let cache = '';
let cleanup = (): void => undefined;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  corpus = makeBaselineCorpus(dir);
  cache = join(dir, 'cache');
});
afterEach(() => cleanup());

function indexFile(): string {
  const names = readdirSync(cache).filter((n) => n.startsWith('index-'));
  expect(names).toHaveLength(1);
  return join(cache, names[0]!);
}

function readIndex(): IndexFileContents {
  return readIndexFile(indexFile());
}

/** Rewrites the first theme score of a document's row in the index file, and the time the index says it was written. */
function tamper(id: string, score: number, written: number): void {
  const index = readIndex();
  const row = index.rows.find((r) => r[0] === id)!;
  (row[20] as number[])[1] = score;
  index.written = written;
  writeIndexFile(indexFile(), index);
}

/** What the files say, summarised the way the index keeps it. */
async function fromFiles(names: string[]): Promise<unknown[]> {
  return Promise.all(names.map(async (name) => ({ ...summarize(await readStoredFile(join(corpus, name))), path: join(corpus, name) })));
}

/**
 * Every test of the index runs twice: with the folder listed in this thread, and listed by the
 * worker thread that large corpora use (from 0 rows, so that it starts for these few files).
 */
const MODES = [
  { mode: 'listing in this thread', inWorker: false, load: loadHere, open: openHere, options: { listInWorkerFrom: Infinity } },
  { mode: 'listing in a worker thread', inWorker: true, load: loadBuilt, open: openBuilt, options: { listInWorkerFrom: 0 } },
  { mode: 'lean, rows kept as lines', inWorker: false, load: loadHere, open: openHere, options: { listInWorkerFrom: Infinity, lean: true } },
];

describe.each(MODES)('the corpus index ($mode)', ({ inWorker, load, open, options }) => {
  const loadCorpusIndex = (folder: string, cacheDir: string | undefined) => load(folder, cacheDir, options);
  const openCorpusIndex = (folder: string, cacheDir: string | undefined) => open(folder, cacheDir, options);
  const firstScore = async (id: string): Promise<number> => (await loadCorpusIndex(corpus, cache)).documents.find((d) => d.id === id)!.themes[0]!.score;

  it('lists the folder where it says it does: in a worker only from an index of that many rows', async () => {
    expect((await openCorpusIndex(corpus, cache)).listedInWorker).toBe(false);
    await loadCorpusIndex(corpus, cache);
    expect((await openCorpusIndex(corpus, cache)).listedInWorker).toBe(inWorker);
  });

  it('gives the summaries the files give, and writes one index file for the folder', async () => {
    const loaded = await loadCorpusIndex(corpus, cache);
    expect(loaded.problems).toEqual([]);
    expect(loaded.documents).toEqual(await fromFiles(BASELINE));
    expect(readIndex().rows).toHaveLength(BASELINE.length);
    // Read back from the index file, the summaries are the same.
    expect((await loadCorpusIndex(corpus, cache)).documents).toEqual(await fromFiles(BASELINE));
  });

  it('is used for files that did not change: a summary in the index is what the run sees', async () => {
    await loadCorpusIndex(corpus, cache);
    const id = BASELINE[0]!.replace(/\.md$/, '');
    tamper(id, 0.123, Date.now() + 60_000);
    expect(await firstScore(id)).toBe(0.123);
  });

  it('is not trusted for a file changed in place, even at the same size and modification time', async () => {
    const name = BASELINE[0]!;
    const path = join(corpus, name);
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    await loadCorpusIndex(corpus, cache);
    // Long after the index was written: only the file's own times can tell it changed.
    const index = readIndex();
    writeIndexFile(indexFile(), { ...index, written: Date.now() + 60_000 });
    const before = statSync(path);
    const text = readFileSync(path, 'utf8');
    const score = /themes:\n {2}- id: "[a-z-]+"\n {4}score: ([\d.]+)/.exec(text)![1]!;
    // Another score of the same length: the file keeps its size.
    const other = score.slice(0, -1) + (score.endsWith('1') ? '0' : '1');
    const edited = text.replace(`score: ${score}`, `score: ${other}`);
    expect(Buffer.byteLength(edited)).toBe(before.size);
    writeFileSync(path, edited);
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(path).ino).toBe(before.ino);
    expect(await firstScore(name.replace(/\.md$/, ''))).toBe(Number(other));
  });

  it('reads again a file changed within two seconds of the index write (a clock tick may hide a same-size edit)', async () => {
    await loadCorpusIndex(corpus, cache);
    const name = BASELINE[1]!;
    const id = name.replace(/\.md$/, '');
    const real = await firstScore(id);
    tamper(id, 0.123, statSync(join(corpus, name)).ctimeMs + 1000);
    expect(await firstScore(id)).toBe(real);
  });

  it('drops removed files, reads new ones, and reports unreadable ones by name', async () => {
    await loadCorpusIndex(corpus, cache);
    unlinkSync(join(corpus, BASELINE[0]!));
    writeFileSync(join(corpus, 'broken.md'), '---\nid: [unclosed\n---\nText.\n');
    const loaded = await loadCorpusIndex(corpus, cache);
    expect(loaded.documents.map((d) => d.id)).toEqual(BASELINE.slice(1).map((n) => n.replace(/\.md$/, '')));
    expect(loaded.problems.map((p) => p.file)).toEqual([join(corpus, 'broken.md')]);
    expect(readIndex().rows).toHaveLength(BASELINE.length - 1);
  });

  it('is rebuilt when its file is damaged, from another version, or for another folder', async () => {
    await loadCorpusIndex(corpus, cache);
    const file = indexFile();
    const good = readIndex();
    const text = indexFileText(good);
    const lines = text.split('\n');
    // The layout of format 4: one JSON object with every row in it.
    const { rows, ...header } = good;
    const single = JSON.stringify({ ...header, format: 4, rows });
    const damages = [
      '',
      '{"format":5,',
      single,
      indexFileText({ ...good, format: 4 }),
      indexFileText({ ...good, corpus: '/elsewhere' }),
      indexFileText({ ...good, rows: [[1, 2]] }),
      // A row in the middle naming a string the table does not have.
      indexFileText({ ...good, rows: good.rows.map((row, k) => (k === 1 ? row.map((v, f) => (f === 6 ? good.strings.length : v)) : row)) }),
      // Cut short: inside a row, at the end of a row without its newline, and a whole row missing.
      text.slice(0, text.length - 25),
      text.slice(0, -1),
      `${lines.slice(0, -2).join('\n')}\n`,
      // A row more than the header says, and a blank line.
      `${text}${lines[1]}\n`,
      `${text}\n`,
    ];
    for (const damage of damages) {
      writeFileSync(file, damage);
      expect((await loadCorpusIndex(corpus, cache)).documents).toEqual(await fromFiles(BASELINE));
      expect(readIndex().rows).toHaveLength(BASELINE.length);
    }
  });

  it('keeps nothing of a damaged index: rows read before the damage are not used either', async () => {
    await loadCorpusIndex(corpus, cache);
    const id = BASELINE[0]!.replace(/\.md$/, '');
    const real = await firstScore(id);
    // The first row says another score, and the index says it was written long after the files changed:
    tamper(id, 0.123, Date.now() + 60_000);
    expect(await firstScore(id)).toBe(0.123);
    const text = readFileSync(indexFile(), 'utf8');
    const lines = text.split('\n');
    const damages = [
      text.slice(0, text.length - 10),
      text.slice(0, -1),
      `${lines.slice(0, -2).join('\n')}\n`,
      `${text}\n`,
      `${lines.slice(0, 2).join('\n')}\n["broken"]\n${lines.slice(3).join('\n')}`,
    ];
    for (const damage of damages) {
      // …then something after that row is damaged: the whole index goes, the first row with it.
      writeFileSync(indexFile(), damage);
      expect(await firstScore(id)).toBe(real);
      expect(readIndex().rows).toHaveLength(BASELINE.length);
      writeFileSync(indexFile(), text);
      expect(await firstScore(id)).toBe(0.123);
    }
  });

  it('knows an index of another format from its first bytes: a header that does not start with the format is not used', async () => {
    await loadCorpusIndex(corpus, cache);
    const id = BASELINE[0]!.replace(/\.md$/, '');
    const real = await firstScore(id);
    tamper(id, 0.123, Date.now() + 60_000);
    expect(await firstScore(id)).toBe(0.123);
    // The same index with the header's fields in another order: read whole, it would be valid.
    const { format, corpus: folder, written, strings, rows } = readIndex();
    writeFileSync(indexFile(), `${JSON.stringify({ corpus: folder, format, written, rows: rows.length, strings })}\n${rows.map((r) => `${JSON.stringify(r)}\n`).join('')}`);
    expect(await firstScore(id)).toBe(real);
    expect(readFileSync(indexFile(), 'utf8').startsWith(`{"format":${format},`)).toBe(true);
  });

  it('records what a writer stored, and saves only when asked', async () => {
    const index = await openCorpusIndex(corpus, cache);
    expect(() => indexFile()).toThrow();
    const doc = await readStoredFile(join(corpus, BASELINE[2]!));
    index.record({ ...summarize(doc), themes: [] });
    await index.save();
    tamper(BASELINE[0]!.replace(/\.md$/, ''), 0.5, Date.now() + 60_000);
    expect((await loadCorpusIndex(corpus, cache)).documents.find((d) => d.id === doc.id)!.themes).toEqual([]);
  });

  it('lets go of its rows as takeCompared hands out the comparisons, and only once it is saved', async () => {
    const index = await openCorpusIndex(corpus, cache);
    expect(() => [...index.takeCompared()]).toThrow(/before the index is saved/);
    await index.save();
    const expected = [...index.eachCompared()].map((c) => c.document.id);
    expect(expected).toHaveLength(BASELINE.length);
    expect([...index.takeCompared()].map((c) => c.document.id)).toEqual(expected);
    expect(index.documents()).toEqual([]);
  });

  it('is only a cache: when its folder cannot be written, every file is read and nothing fails', async () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const unwritable = join(blocked, 'cache');
    const index = await openCorpusIndex(corpus, unwritable);
    const doc = await readStoredFile(join(corpus, BASELINE[2]!));
    index.record({ ...summarize(doc), themes: [] });
    await index.save();
    expect((await loadCorpusIndex(corpus, unwritable)).documents).toEqual(await fromFiles(BASELINE));
    expect(readFileSync(blocked, 'utf8')).toBe('not a folder');
  });

  it('works without a cache folder (every file read)', async () => {
    rmSync(cache, { recursive: true, force: true });
    expect((await loadCorpusIndex(corpus, undefined)).documents).toEqual(await fromFiles(BASELINE));
    expect(() => statSync(cache)).toThrow();
  });
});

describe('a lean index (ingest)', () => {
  it('writes the rows it kept as they were read, beside the rows a writer recorded', async () => {
    await loadHere(corpus, cache);
    const id = BASELINE[0]!.replace(/\.md$/, '');
    tamper(id, 0.123, Date.now() + 60_000);
    const line = readFileSync(indexFile(), 'utf8').split('\n').find((l) => l.startsWith(`["${id}",`))!;
    expect(line).toContain('0.123');
    const index = await openHere(corpus, cache, { lean: true });
    expect(index.get(id)!.themes[0]!.score).toBe(0.123);
    const doc = await readStoredFile(join(corpus, BASELINE[2]!));
    index.record({ ...summarize(doc), themes: [] });
    await index.save();
    const lines = readFileSync(indexFile(), 'utf8').split('\n');
    expect(lines).toContain(line);
    const { rows, strings } = readIndex();
    expect(rows).toHaveLength(BASELINE.length);
    expect(rows.find((r) => r[0] === doc.id)![20]).toEqual([]);
    // The table was not renumbered: the kept line's numbers still name the same strings.
    expect(strings[(rows.find((r) => r[0] === id)![20] as number[])[0]!]).toBe(index.get(id)!.themes[0]!.id);
  });

});

/** The index file with a string no row uses put first in its table (every number into the table moves up by one). */
function prependUnusedString(written: number): void {
  const index = readIndex();
  const up = (v: unknown): unknown => (typeof v === 'number' && v >= 0 ? v + 1 : v);
  const shifted = index.rows.map((row) =>
    row.map((v, f) => {
      if ([6, 7, 8, 10, 12, 15, 17, 18].includes(f)) return up(v);
      if (f === 13) return (v as number[]).map((x, k) => (k % 2 === 0 ? up(x) : x));
      if (f === 20) return (v as number[]).map((x, k) => (k % 3 === 0 ? up(x) : x));
      return v;
    }),
  );
  writeIndexFile(indexFile(), { ...index, strings: ['unused', ...index.strings], rows: shifted, written });
}

describe.each([
  ['a lean index (ingest)', { lean: true }],
  ['an index of the comparisons', {}],
])('saving %s after one file changed', (_name, options) => {
  it('keeps the string table as it was read, and the lines of the other rows as they were', async () => {
    await loadHere(corpus, cache);
    prependUnusedString(Date.now() + 60_000);
    const before = readFileSync(indexFile(), 'utf8').split('\n');
    // One file changes, so the index is written again; the other rows are kept.
    const changed = join(corpus, BASELINE[1]!);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/\n$/, ' Edited.\n'));
    const index = await openHere(corpus, cache, options);
    expect(index.documents()).toEqual(await fromFiles(BASELINE));
    await index.save();
    expect(readIndex().strings[0]).toBe('unused');
    const after = readFileSync(indexFile(), 'utf8').split('\n');
    const changedId = BASELINE[1]!.replace(/\.md$/, '');
    for (const line of before.slice(1, -1).filter((l) => !l.startsWith(`["${changedId}",`))) expect(after).toContain(line);
    expect(readIndex().rows).toHaveLength(BASELINE.length);
    // Opened again, lean or not, it gives what the files give.
    expect((await loadHere(corpus, cache)).documents).toEqual(await fromFiles(BASELINE));
  });

});

describe('saving an index whose file another run replaced after it was read', () => {
  it('encodes every row again instead of copying lines from the new file', async () => {
    await loadHere(corpus, cache);
    const file = indexFile();
    const plain = readFileSync(file, 'utf8');
    prependUnusedString(Date.now() + 60_000);
    const changed = join(corpus, BASELINE[1]!);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/\n$/, ' Edited.\n'));
    const index = await openHere(corpus, cache);
    // Another run writes its own index in between: rows numbered against another table.
    writeFileSync(file, plain);
    await index.save();
    expect(readIndex().strings).not.toContain('unused');
    expect(readIndex().rows).toHaveLength(BASELINE.length);
    expect((await loadHere(corpus, cache)).documents).toEqual(await fromFiles(BASELINE));
  });
});

describe('the listing worker', () => {
  it('is replaced by a listing in this thread when it cannot start (here: run from the sources, where no list-worker.js is built)', async () => {
    await loadHere(corpus, cache);
    const index = await openHere(corpus, cache, { listInWorkerFrom: 0 });
    expect(index.listedInWorker).toBe(false);
    expect(index.documents()).toEqual(await fromFiles(BASELINE));
  });
});

describe('the index file is read a piece at a time', () => {
  const linesOf = (text: string, bytes: number): { lines: string[]; complete: boolean } => {
    const file = join(dir, 'lines.txt');
    writeFileSync(file, text);
    const fd = openSync(file, 'r');
    try {
      const reader = new LineReader(fd, bytes);
      const lines: string[] = [];
      for (let line = reader.read(); line !== undefined; line = reader.read()) lines.push(line);
      return { lines, complete: reader.complete };
    } finally {
      closeSync(fd);
    }
  };

  it('gives every line whole, whatever the size of the pieces, characters of several bytes included', () => {
    const lines = ['{"strings":["Région wallonne","Fédération Wallonie-Bruxelles","中文","😀"]}', '["été"]', '', 'x', 'Ærø '.repeat(40), '[]'];
    const text = `${lines.join('\n')}\n`;
    for (const bytes of [1, 2, 3, 5, 7, 16, 64, 1 << 20]) expect(linesOf(text, bytes)).toEqual({ lines, complete: true });
  });

  it('says when the last line has no newline (a file cut short)', () => {
    for (const bytes of [1, 4, 1 << 20]) {
      expect(linesOf('["a"]\n["b', bytes)).toEqual({ lines: ['["a"]'], complete: false });
      expect(linesOf('', bytes)).toEqual({ lines: [], complete: true });
    }
  });
});
