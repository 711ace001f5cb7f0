// Large inputs, made here and never committed: a 200 MB file is refused by its size without being
// read (the kernel's count of bytes read proves it), a 5 MB line or word is stored without a hang.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readInput } from '../../src/io/read-input.js';
import { BIN, cliEnv, makeTempDir, runCli } from '../helpers/cli.js';
import { makeBaselineCorpus, snapshotDir } from '../helpers/baseline.js';

let dir: string;
let cleanup: () => void;
let big: string;
beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  big = join(dir, 'huge.md');
  writeFileSync(big, '---\ntitle: huge\n---\n');
  truncateSync(big, 200 * 1024 * 1024); // sparse: 200 MB long, next to nothing on disk
});
afterAll(() => cleanup());

// Bytes this process and the children it has waited for have read (Linux /proc/self/io).
const bytesRead = (): number => Number(/rchar: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))![1]);
const MB = 1024 * 1024;

describe('a 200 MB file', () => {
  it('2: is refused by its size, quickly, having read almost nothing of it', () => {
    const corpus = makeBaselineCorpus(join(dir, 'a'));
    const before = snapshotDir(corpus);
    const readBefore = bytesRead();
    const started = performance.now();
    const run = runCli(['ingest', big, '--corpus', corpus], { timeout: 20_000 });
    const elapsed = performance.now() - started;
    const read = bytesRead() - readBefore;
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`aipolicy: ${big}: file is 200 MB, over the 20 MB limit\n`);
    expect(snapshotDir(corpus)).toEqual(before);
    expect(elapsed).toBeLessThan(5000);
    expect(read).toBeLessThan(15 * MB); // starting node and loading the taxonomy; the file is 200 MB
  }, 30_000);

  it('2: on standard input it is read no further than the limit, then refused', () => {
    const corpus = makeBaselineCorpus(join(dir, 'b'));
    const readBefore = bytesRead();
    const stdin = openSync(big, 'r');
    const run = spawnSync(process.execPath, [BIN, 'ingest', '-', '--corpus', corpus], { stdio: [stdin, 'pipe', 'pipe'], env: cliEnv(), encoding: 'utf8', timeout: 20_000 });
    closeSync(stdin);
    const read = bytesRead() - readBefore;
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('aipolicy: -: input is over the 20 MB limit\n');
    expect(read).toBeGreaterThan(MAX_INPUT_BYTES);
    expect(read).toBeLessThan(MAX_INPUT_BYTES + 15 * MB);
  }, 30_000);

  it('is refused by readInput before a byte of it is read', async () => {
    const readBefore = bytesRead();
    const memoryBefore = process.memoryUsage().arrayBuffers;
    await expect(readInput({ source: big })).rejects.toThrow(/^file is 200 MB, over the 20 MB limit$/);
    expect(bytesRead() - readBefore).toBeLessThan(64 * 1024);
    expect(process.memoryUsage().arrayBuffers - memoryBefore).toBeLessThan(5 * MB);
  });
});

describe('one 5 MB line or word: stored, no hang', () => {
  it.each([
    ['a single 5 MB word', 'a'.repeat(5 * MB)],
    ['a 5 MB line of sentences', 'De gemeente zet AI in voor haar dienstverlening aan burgers. '.repeat(Math.ceil((5 * MB) / 61))],
    ['a 5 MB run of spaces inside a line', `Begin${' '.repeat(5 * MB)}einde.`],
  ])('%s', (_name, line) => {
    const corpus = makeBaselineCorpus(join(dir, `c-${line.length}-${line.charCodeAt(5)}`));
    const file = join(corpus, '..', 'long.md');
    writeFileSync(file, `---\nlevel: local\ncountry: NL\n---\n${line}\n`);
    const started = performance.now();
    const run = runCli(['ingest', file, '--corpus', corpus, '--format', 'json'], { timeout: 60_000 });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results[0]).toMatchObject({ status: 'stored', id: 'long' });
    expect(performance.now() - started).toBeLessThan(60_000);
    const stored = readFileSync(join(corpus, 'long.md'), 'utf8');
    expect(stored.endsWith(`${line.trimEnd()}\n`)).toBe(true);
    expect(runCli(['verify', '--corpus', corpus]).code).toBe(0);
  }, 90_000);
});
