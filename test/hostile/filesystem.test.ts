// Inputs that change under the run or never end: symlink loops, named pipes, files deleted or
// swapped between the moment they are listed and the moment they are read.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, cliEnv, runCli } from '../helpers/cli.js';
import { snapshotDir, useBaselineCorpus } from '../helpers/baseline.js';

const scene = useBaselineCorpus();
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL'); // a hang must not outlive its test
});

const doc = (n: number) => `---\nlevel: local\ncountry: NL\n---\nDocument ${n}: de gemeente zet AI in voor haar dienstverlening aan burgers.\n`;
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

describe('symlink loops', () => {
  it('2: a file that is a symlink loop, named on the command line', () => {
    symlinkSync(join(scene.dir, 'b.md'), join(scene.dir, 'a.md'));
    symlinkSync(join(scene.dir, 'a.md'), join(scene.dir, 'b.md'));
    const before = snapshotDir(scene.corpus);
    const run = runCli(['ingest', join(scene.dir, 'a.md'), '--corpus', scene.corpus], { timeout: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`aipolicy: ${join(scene.dir, 'a.md')}: symlink loop\n`);
    expect(snapshotDir(scene.corpus)).toEqual(before);
  });

  it('0: loops inside a folder are skipped with a message and the other files stored', () => {
    const docs = join(scene.dir, 'docs');
    mkdirSync(join(docs, 'sub'), { recursive: true });
    writeFileSync(join(docs, 'sub', 'one.md'), doc(1));
    symlinkSync(docs, join(docs, 'sub', 'up'));
    symlinkSync(join(docs, 'self.md'), join(docs, 'self.md'));
    const run = runCli(['ingest', docs, '--corpus', scene.corpus, '--format', 'json'], { timeout: 20_000 });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`aipolicy: ${join(docs, 'self.md')}: skipped (symlink loop)\naipolicy: ${join(docs, 'sub', 'up')}: skipped (symlink loop)\n`);
    expect(JSON.parse(run.stdout).results.map((r: { id: string; status: string }) => `${r.id} ${r.status}`)).toEqual(['one stored']);
  });
});

describe('named pipes', () => {
  it('2: a pipe named on the command line is refused at once, never opened', () => {
    mkfifo(join(scene.dir, 'pipe.md'));
    const run = runCli(['ingest', join(scene.dir, 'pipe.md'), '--corpus', scene.corpus], { timeout: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`aipolicy: ${join(scene.dir, 'pipe.md')}: not a regular file or folder\n`);
  });

  it('0: a pipe in a folder is skipped with a message', () => {
    const docs = join(scene.dir, 'docs');
    mkdirSync(docs);
    mkfifo(join(docs, 'pipe.md'));
    writeFileSync(join(docs, 'real.md'), doc(1));
    const run = runCli(['ingest', docs, '--corpus', scene.corpus, '--format', 'json'], { timeout: 20_000 });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`aipolicy: ${join(docs, 'pipe.md')}: skipped (not a regular file)\n`);
    expect(JSON.parse(run.stdout).results.map((r: { status: string }) => r.status)).toEqual(['stored']);
  });
});

describe('files that change between listing and reading', () => {
  // The run lists its inputs, then waits for the corpus lock held here; while it waits the files
  // are deleted or swapped, then the lock is released. No timing guesses: the run says it waits.
  it('2: deleted, swapped for a pipe, swapped for a folder, made unreadable: each reported, the others stored, nothing hangs', async () => {
    const docs = join(scene.dir, 'docs');
    mkdirSync(docs);
    for (const name of ['a-kept', 'b-deleted', 'c-pipe', 'd-folder', 'e-unreadable', 'f-kept']) writeFileSync(join(docs, `${name}.md`), doc(name.charCodeAt(0)));
    const lock = join(scene.corpus, '.aipolicy.lock');
    writeFileSync(lock, `${JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString(), command: 'test' })}\n`);
    const before = snapshotDir(scene.corpus);
    delete before['.aipolicy.lock'];
    const child = spawn(process.execPath, [BIN, 'ingest', docs, '--corpus', scene.corpus, '--format', 'json', '--lock-timeout', '30'], { env: cliEnv() });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const waited = new Promise<void>((resolve) => child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes('waiting for test')) resolve();
    }));
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    await waited;
    unlinkSync(join(docs, 'b-deleted.md'));
    unlinkSync(join(docs, 'c-pipe.md'));
    mkfifo(join(docs, 'c-pipe.md'));
    unlinkSync(join(docs, 'd-folder.md'));
    mkdirSync(join(docs, 'd-folder.md'));
    chmodSync(join(docs, 'e-unreadable.md'), 0o000);
    rmSync(lock);
    expect(await code).toBe(2);
    const asRoot = process.getuid?.() === 0; // root reads a file whatever its mode
    const results = JSON.parse(stdout).results as Array<{ source: string; status: string; error?: string }>;
    expect(results.map((r) => `${r.source.slice(docs.length + 1)} ${r.status} ${r.error ?? ''}`.trim())).toEqual([
      'a-kept.md stored',
      'b-deleted.md failed no such file or folder',
      'c-pipe.md failed not a regular file',
      'd-folder.md failed not a regular file',
      asRoot ? 'e-unreadable.md stored' : 'e-unreadable.md failed permission denied',
      'f-kept.md stored',
    ]);
    expect(stderr).toContain(`aipolicy: ${join(docs, 'b-deleted.md')}: no such file or folder\n`);
    expect(stderr).toContain(`aipolicy: ${join(docs, 'c-pipe.md')}: not a regular file\n`);
    const after = snapshotDir(scene.corpus);
    for (const name of Object.keys(before)) expect(after[name]).toBe(before[name]);
    expect(Object.keys(after).filter((n) => !(n in before))).toEqual(asRoot ? ['a-kept.md', 'e-unreadable.md', 'f-kept.md'] : ['a-kept.md', 'f-kept.md']);
  }, 30_000);
});
