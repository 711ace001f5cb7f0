// A real ingest killed with SIGKILL half-way, and two ingests at once on one corpus: every stored
// document stays whole, verify passes once the next run has cleaned up, nothing is stored twice.
import type { ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from '../helpers/cli.js';
import { startCli, waitForEntries, writeBatch } from '../helpers/batch.js';
import { WRITES_IN_FLIGHT } from '../../src/workflows/ingest.js';

let dir: string;
let cleanup: () => void;
const children: ChildProcess[] = [];
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  cleanup();
});

const documents = (corpus: string) => readdirSync(corpus).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
const statuses = (stdout: string) => (JSON.parse(stdout).results as Array<{ id: string; status: string }>);

describe('an ingest killed with SIGKILL', () => {
  it('leaves only whole documents; the next run cleans up, completes the rest, and verify passes', async () => {
    const docs = join(dir, 'docs');
    const corpus = join(dir, 'corpus');
    const ids = writeBatch(docs, 300);
    const run = startCli(['ingest', docs, '--corpus', corpus, '--format', 'json']);
    children.push(run.child);
    await waitForEntries(corpus, (names) => names.filter((n) => n.endsWith('.md') && !n.startsWith('.')).length >= 40);
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    const survivors = documents(corpus);
    expect(survivors.length).toBeGreaterThanOrEqual(40);
    expect(survivors.length).toBeLessThan(300);

    // Every file a reader sees is a whole document; the only leftovers are the lock and the temporary files of the writes in flight.
    const before = runCli(['verify', '--corpus', corpus, '--format', 'json']);
    const report = JSON.parse(before.stdout);
    expect(report.documents).toBe(survivors.length);
    expect(report.problems.filter((p: { kind: string }) => p.kind !== 'temp-file' && p.kind !== 'lock')).toEqual([]);
    expect(report.problems.filter((p: { kind: string }) => p.kind === 'temp-file').length).toBeLessThanOrEqual(WRITES_IN_FLIGHT);
    // Documents are renamed into place in input order: a temporary file left behind is never one of a stored document.
    const temps = readdirSync(corpus).filter((n) => n.endsWith('.tmp'));
    for (const temp of temps) expect(survivors).not.toContain(temp.slice(1).replace(/\.\d+\.[0-9a-f]+\.tmp$/, ''));
    expect(temps.every((t) => /^\.doc-\d+\.md\.\d+\.[0-9a-f]{8}\.tmp$/.test(t))).toBe(true);
    const list = runCli(['list', '--corpus', corpus, '--format', 'json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(survivors.length);

    const again = runCli(['ingest', docs, '--corpus', corpus, '--format', 'json'], { timeout: 60_000 });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(new RegExp(`taking over the lock of ingest \\(pid ${run.child.pid} on .*\\), which is no longer running`));
    const results = statuses(again.stdout);
    expect(results.filter((r) => r.status === 'unchanged').map((r) => `${r.id}.md`)).toEqual(survivors);
    expect(results.filter((r) => r.status === 'stored')).toHaveLength(300 - survivors.length);
    expect(readdirSync(corpus).sort()).toEqual(ids.map((id) => `${id}.md`));
    expect(runCli(['verify', '--corpus', corpus])).toMatchObject({ code: 0, stdout: `PASS 300 documents in ${corpus}: no problems\n` });
  }, 60_000);
});

describe('two ingests at once on one corpus', () => {
  it('the second waits for the first; both finish and every document is stored exactly once', async () => {
    const corpus = join(dir, 'corpus');
    writeBatch(join(dir, 'first'), 200, 0);
    writeBatch(join(dir, 'second'), 200, 100); // doc-100 … doc-199 are in both
    const a = startCli(['ingest', join(dir, 'first'), '--corpus', corpus, '--format', 'json', '--lock-timeout', '60']);
    const b = startCli(['ingest', join(dir, 'second'), '--corpus', corpus, '--format', 'json', '--lock-timeout', '60']);
    children.push(a.child, b.child);
    const [first, second] = await Promise.all([a.done, b.done]);
    expect([first.code, second.code]).toEqual([0, 0]);
    // Normally one of them waits for the other (unless one ran before the other started): never both.
    const waits = [first.stderr, second.stderr].filter((s) => /waiting for ingest \(pid \d+ on .*\) to finish \(up to 60 s\)/.test(s));
    expect(waits.length).toBeLessThanOrEqual(1);
    const all = [...statuses(first.stdout), ...statuses(second.stdout)];
    expect(all).toHaveLength(400);
    expect(all.filter((r) => r.status === 'stored')).toHaveLength(300);
    expect(all.filter((r) => r.status === 'unchanged')).toHaveLength(100);
    expect(new Set(all.filter((r) => r.status === 'stored').map((r) => r.id)).size).toBe(300);
    expect(readdirSync(corpus)).toHaveLength(300);
    expect(runCli(['verify', '--corpus', corpus]).code).toBe(0);
  }, 60_000);

  it('the second stops with exit 2 and a clear message when the first outlasts its --lock-timeout, writing nothing', async () => {
    const corpus = join(dir, 'corpus');
    writeBatch(join(dir, 'second'), 5, 500);
    // The first run reads standard input inside its lock: it holds the lock until this test closes it.
    const a = startCli(['ingest', '-', '--id', 'from-stdin', '--level', 'local', '--country', 'NL', '--corpus', corpus, '--format', 'json'], 'pipe');
    children.push(a.child);
    await waitForEntries(corpus, (names) => names.includes('.aipolicy.lock'));
    const b = runCli(['ingest', join(dir, 'second'), '--corpus', corpus, '--lock-timeout', '0.2']);
    expect(b.code).toBe(2);
    expect(b.stdout).toBe('');
    const lock = join(corpus, '.aipolicy.lock');
    const holder = `ingest \\(pid ${a.child.pid} on [^,]+, started [^)]+\\)`;
    expect(b.stderr).toMatch(new RegExp(`^aipolicy: ${lock}: waiting for ${holder} to finish \\(up to 0.2 s\\)\naipolicy: ${lock}: corpus is locked by ${holder}; gave up after 0.2 s \\(--lock-timeout\\).\n$`));
    a.child.stdin!.end('De gemeente zet AI in voor haar dienstverlening aan burgers.\n');
    const first = await a.done;
    expect(first.code).toBe(0);
    expect(readdirSync(corpus)).toEqual(['from-stdin.md']);
  }, 60_000);
});
