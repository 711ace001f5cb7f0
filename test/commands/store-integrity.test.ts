// Writes that fail or were cut short: a full disk (simulated with the AIPOLICY_FAULT test hook),
// leftovers of killed runs, locks of dead runs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { BASELINE, snapshotDir, useBaselineCorpus } from '../helpers/baseline.js';

const scene = useBaselineCorpus();

const SOURCES = join(FIXTURES, 'sources');
const DEAD_PID = 2 ** 22 + 777; // above Linux's pid_max: never a running process
const FULL = 'cannot write: disk full (ENOSPC); nothing written for this document, the stored version (if any) is intact';
const STOPPED = 'not stored: the run stopped because the corpus cannot be written';

describe('a full disk', () => {
  it('2: stops the batch at the failed write, leaves no partial file, and the next run completes the rest', () => {
    const before = snapshotDir(scene.corpus);
    const run = runCli(['ingest', SOURCES, '--corpus', scene.corpus, '--format', 'json'], { env: { AIPOLICY_FAULT: 'enospc-after:4' } });
    expect(run.code).toBe(2);
    const results = JSON.parse(run.stdout).results as Array<{ source: string; status: string; error?: string }>;
    const failedAt = results.findIndex((r) => r.status === 'failed');
    expect(results.slice(0, failedAt).filter((r) => r.status === 'stored')).toHaveLength(4);
    expect(results[failedAt]!.error).toBe(FULL);
    expect(results.slice(failedAt + 1).every((r) => r.status === 'failed' && r.error === STOPPED)).toBe(true);
    expect(run.stderr).toContain(`aipolicy: ${results[failedAt]!.source}: ${FULL}\n`);
    const after = snapshotDir(scene.corpus);
    for (const name of BASELINE) expect(after[name]).toBe(before[name]);
    expect(Object.keys(after).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(Object.keys(after)).toHaveLength(BASELINE.length + 4);
    expect(runCli(['verify', '--corpus', scene.corpus]).code).toBe(0);

    const again = runCli(['ingest', SOURCES, '--corpus', scene.corpus, '--format', 'json']);
    expect(again.code).toBe(0);
    expect(readdirSync(scene.corpus)).toHaveLength(23);
    expect(runCli(['verify', '--corpus', scene.corpus]).code).toBe(0);
  }, 30_000);

  it('2: keeps the stored version of a document whose update fails, byte for byte', () => {
    const name = BASELINE[0]!;
    const before = readFileSync(join(scene.corpus, name));
    const changed = join(scene.dir, name);
    writeFileSync(changed, `${readFileSync(join(SOURCES, name), 'utf8')}\nEen nieuwe alinea over cyberveiligheid.\n`);
    const run = runCli(['ingest', changed, '--corpus', scene.corpus], { env: { AIPOLICY_FAULT: 'enospc-after:0' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`aipolicy: ${changed}: ${FULL}\n`);
    expect(readFileSync(join(scene.corpus, name))).toEqual(before);
    expect(readdirSync(scene.corpus).sort()).toEqual([...BASELINE].sort());
  });

  it('2: refresh stops with one line and leaves the corpus as it was', () => {
    const stale = join(scene.dir, 'stale');
    cpSync(scene.corpus, stale, { recursive: true });
    for (const name of BASELINE) writeFileSync(join(stale, name), readFileSync(join(stale, name), 'utf8').replace(/taxonomy_version: ".*"/, 'taxonomy_version: "0.1.0"'));
    const before = snapshotDir(stale);
    const run = runCli(['refresh', '--corpus', stale], { env: { AIPOLICY_FAULT: 'enospc-after:1' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`aipolicy: ${join(stale, BASELINE[1]!)}: ${FULL}\n`);
    const after = snapshotDir(stale);
    expect(after[BASELINE[1]!]).toBe(before[BASELINE[1]!]);
    expect(after[BASELINE[2]!]).toBe(before[BASELINE[2]!]);
    expect(Object.keys(after)).toEqual(Object.keys(before));
  });

  // A real full disk where this machine lets tests mount a tiny tmpfs (root on Linux); skipped elsewhere.
  it('2: a real full disk (a 64 KB tmpfs): the run stops at the write that fails, what is stored verifies, nothing is half-written', (context) => {
    const small = join(scene.dir, 'small');
    mkdirSync(small);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', small]).status !== 0) {
      context.skip();
      return;
    }
    try {
      const corpus = join(small, 'corpus');
      cpSync(scene.corpus, corpus, { recursive: true });
      const before = snapshotDir(corpus);
      const run = runCli(['ingest', SOURCES, '--corpus', corpus, '--format', 'json']);
      expect(run.code).toBe(2);
      const results = JSON.parse(run.stdout).results as Array<{ status: string; error?: string }>;
      const failedAt = results.findIndex((r) => r.status === 'failed');
      expect(results[failedAt]!.error).toBe(FULL);
      expect(results.slice(failedAt + 1).every((r) => r.error === STOPPED)).toBe(true);
      const after = snapshotDir(corpus);
      for (const name of BASELINE) expect(after[name]).toBe(before[name]);
      expect(Object.keys(after).filter((n) => n.startsWith('.'))).toEqual([]);
      expect(runCli(['verify', '--corpus', corpus]).code).toBe(0);
    } finally {
      spawnSync('umount', [small]);
    }
  }, 30_000);

  it('2: an AIPOLICY_FAULT value the hook does not know', () => {
    const run = runCli(['ingest', join(SOURCES, BASELINE[0]!), '--corpus', scene.corpus], { env: { AIPOLICY_FAULT: 'eio' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('aipolicy: AIPOLICY_FAULT="eio" is not understood (test hook; the only value is enospc-after:N)\n');
  });
});

describe('what killed runs leave behind', () => {
  it('a stale lock and temporary files are taken over and removed, with a message each', () => {
    const lock = join(scene.corpus, '.aipolicy.lock');
    writeFileSync(lock, `${JSON.stringify({ pid: DEAD_PID, host: hostname(), started: '2024-01-01T00:00:00.000Z', command: 'ingest' })}\n`);
    writeFileSync(join(scene.corpus, `.half.md.${DEAD_PID}.0123abcd.tmp`), '---\nid: "half"\nti');
    const run = runCli(['ingest', join(SOURCES, 'nl-national-nu-nctv-phishing-chatgpt.md'), '--corpus', scene.corpus]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `aipolicy: ${lock}: taking over the lock of ingest (pid ${DEAD_PID} on ${hostname()}, started 2024-01-01T00:00:00.000Z), which is no longer running\n` +
        `aipolicy: ${scene.corpus}: removed 1 temporary file left by an interrupted run\n`,
    );
    expect(readdirSync(scene.corpus).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(runCli(['verify', '--corpus', scene.corpus]).code).toBe(0);
  }, 30_000);

  it('--dry-run neither waits for the lock nor removes anything', () => {
    writeFileSync(join(scene.corpus, '.aipolicy.lock'), `${JSON.stringify({ pid: process.pid, host: hostname(), started: 'now', command: 'ingest' })}\n`);
    const run = runCli(['ingest', SOURCES, '--corpus', scene.corpus, '--dry-run', '--lock-timeout', '0']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('2: a --lock-timeout that is not a number of seconds', () => {
    const run = runCli(['ingest', SOURCES, '--corpus', scene.corpus, '--lock-timeout', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('aipolicy: --lock-timeout must be a number of seconds (got "soon")\n');
  });
});
