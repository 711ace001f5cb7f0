// The corpus index is a cache of the stored files' summaries: used where a file is unchanged,
// never trusted over a file that changed, rebuilt when missing, damaged or for another folder.
import { readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpusIndex, openCorpusIndex, summarize } from '../../src/io/corpus-index.js';
import { readStoredFile } from '../../src/io/corpus-store.js';
import { makeTempDir } from '../helpers/cli.js';
import { BASELINE, makeBaselineCorpus } from '../helpers/baseline.js';

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

interface IndexJson {
  written: number;
  strings: string[];
  rows: unknown[][];
}

function indexFile(): string {
  const names = readdirSync(cache).filter((n) => n.startsWith('index-'));
  expect(names).toHaveLength(1);
  return join(cache, names[0]!);
}

function readIndex(): IndexJson {
  return JSON.parse(readFileSync(indexFile(), 'utf8')) as IndexJson;
}

/** Rewrites the first theme score of a document's row in the index file, and the time the index says it was written. */
function tamper(id: string, score: number, written: number): void {
  const index = readIndex();
  const row = index.rows.find((r) => r[0] === id)!;
  (row[20] as number[])[1] = score;
  index.written = written;
  writeFileSync(indexFile(), JSON.stringify(index));
}

/** What the files say, summarised the way the index keeps it. */
async function fromFiles(names: string[]): Promise<unknown[]> {
  return Promise.all(names.map(async (name) => ({ ...summarize(await readStoredFile(join(corpus, name))), path: join(corpus, name) })));
}

const firstScore = async (id: string): Promise<number> => (await loadCorpusIndex(corpus, cache)).documents.find((d) => d.id === id)!.themes[0]!.score;

describe('the corpus index', () => {
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
    writeFileSync(indexFile(), JSON.stringify({ ...index, written: Date.now() + 60_000 }));
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
    for (const damage of ['{"format":2,', JSON.stringify({ ...readIndex(), format: 1 }), JSON.stringify({ ...readIndex(), corpus: '/elsewhere' }), JSON.stringify({ ...readIndex(), rows: [[1, 2]] })]) {
      writeFileSync(file, damage);
      expect((await loadCorpusIndex(corpus, cache)).documents).toEqual(await fromFiles(BASELINE));
      expect(readIndex().rows).toHaveLength(BASELINE.length);
    }
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
