import { existsSync, readdirSync, readFileSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/errors.js';
import { acquireCorpusLock, LOCK_FILE, readLockState, withCorpusLock, type LockOptions, type LockOwner } from '../../src/io/corpus-lock.js';
import { makeTempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

// Runs are told apart by pid; `alive` says which of them still run.
const alive = new Set<number>([101, 102, 103]);
const owner = (pid: number, host = 'here'): LockOwner => ({ pid, host, isRunning: (p) => alive.has(p) });
const options = (pid: number, extra: Partial<LockOptions> = {}): LockOptions & { messages: string[] } => {
  const messages: string[] = [];
  return { owner: owner(pid), command: 'ingest', timeoutMs: 2000, pollMs: 10, notify: (m) => messages.push(m), messages, ...extra };
};
const lockPath = () => join(dir, LOCK_FILE);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('corpus lock', () => {
  it('writes pid, host, start time and command while held, and removes the file on release', async () => {
    const lock = await acquireCorpusLock(dir, options(101));
    const info = JSON.parse(readFileSync(lockPath(), 'utf8'));
    expect(info).toMatchObject({ pid: 101, host: 'here', command: 'ingest' });
    expect(Number.isNaN(Date.parse(info.started))).toBe(false);
    await lock.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('makes a second run wait, says so once, and lets it in when the first is done', async () => {
    const first = await acquireCorpusLock(dir, options(101));
    const waiting = options(102);
    const second = acquireCorpusLock(dir, waiting);
    await sleep(100);
    expect(waiting.messages).toEqual([expect.stringMatching(/\.aipolicy\.lock: waiting for ingest \(pid 101 on here, started .+\) to finish \(up to 2 s\)$/)]);
    await first.release();
    const lock = await second;
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).pid).toBe(102);
    await lock.release();
  });

  it('gives up after the timeout with a one-line reason, leaving the holder alone', async () => {
    const first = await acquireCorpusLock(dir, options(101));
    const held = readFileSync(lockPath(), 'utf8');
    const started = performance.now();
    const attempt = acquireCorpusLock(dir, options(102, { timeoutMs: 300 }));
    await expect(attempt).rejects.toThrow(CorpusError);
    await expect(attempt).rejects.toThrow(/^corpus is locked by ingest \(pid 101 on here, started .+\); gave up after 0\.3 s \(--lock-timeout\)\.$/);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(readFileSync(lockPath(), 'utf8')).toBe(held);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]); // no candidate file left behind
    await first.release();
  });

  it('takes over the lock of a pid that no longer runs on this host, with a message', async () => {
    writeFileSync(lockPath(), `${JSON.stringify({ pid: 999, host: 'here', started: '2020-01-01T00:00:00.000Z', command: 'ingest' })}\n`);
    const taking = options(101);
    const lock = await acquireCorpusLock(dir, taking);
    expect(taking.messages).toEqual([
      `aipolicy: ${lockPath()}: taking over the lock of ingest (pid 999 on here, started 2020-01-01T00:00:00.000Z), which is no longer running`,
    ]);
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).pid).toBe(101);
    await lock.release();
  });

  it('never takes over the lock of another host: it cannot tell whether that run is alive', async () => {
    writeFileSync(lockPath(), `${JSON.stringify({ pid: 999, host: 'elsewhere', started: 'x', command: 'refresh' })}\n`);
    await expect(acquireCorpusLock(dir, options(101, { timeoutMs: 100 }))).rejects.toThrow(/locked by refresh \(pid 999 on elsewhere.*If that run is dead, delete the lock file\.$/);
    expect(existsSync(lockPath())).toBe(true);
  });

  it('waits on an unreadable lock file while it is fresh, and takes it over once it is old', async () => {
    writeFileSync(lockPath(), '');
    await expect(acquireCorpusLock(dir, options(101, { timeoutMs: 100 }))).rejects.toThrow(/locked by an unreadable lock file/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(), old, old);
    const taking = options(101);
    const lock = await acquireCorpusLock(dir, taking);
    expect(taking.messages).toEqual([`aipolicy: ${lockPath()}: taking over an unreadable lock file (${lockPath()})`]);
    await lock.release();
  });

  it('lets exactly one of several waiters in at a time when they all find the same stale lock', async () => {
    writeFileSync(lockPath(), `${JSON.stringify({ pid: 999, host: 'here', started: 'x', command: 'ingest' })}\n`);
    let inside = 0;
    let most = 0;
    const run = (pid: number) =>
      withCorpusLock(dir, options(pid, { timeoutMs: 5000 }), async () => {
        inside += 1;
        most = Math.max(most, inside);
        await sleep(30);
        inside -= 1;
      });
    await Promise.all([run(101), run(102), run(103)]);
    expect(most).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never removes a lock another run took after this one judged the old lock stale', async () => {
    const stale = `${JSON.stringify({ pid: 999, host: 'here', started: 'x', command: 'ingest' })}\n`;
    const fresh = `${JSON.stringify({ pid: 101, host: 'here', started: 'y', command: 'ingest' })}\n`;
    writeFileSync(lockPath(), stale);
    // Right after this run finds pid 999 gone, another run takes the stale lock over.
    const racing: LockOwner = {
      pid: 102,
      host: 'here',
      isRunning: (pid) => {
        if (pid === 999 && readFileSync(lockPath(), 'utf8') === stale) {
          unlinkSync(lockPath());
          writeFileSync(lockPath(), fresh);
        }
        return alive.has(pid);
      },
    };
    await expect(acquireCorpusLock(dir, { ...options(102, { timeoutMs: 200 }), owner: racing })).rejects.toThrow(/locked by ingest \(pid 101 /);
    expect(readFileSync(lockPath(), 'utf8')).toBe(fresh);
  });

  it('is released when the work throws', async () => {
    await expect(withCorpusLock(dir, options(101), async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lockPath())).toBe(false);
  });

  it('tells verify whether the lock is free, held or stale', async () => {
    expect(await readLockState(dir, owner(101))).toEqual({ kind: 'none' });
    const lock = await acquireCorpusLock(dir, options(102));
    expect(await readLockState(dir, owner(101))).toMatchObject({ kind: 'held', holder: expect.stringContaining('pid 102') });
    alive.delete(102);
    expect(await readLockState(dir, owner(101))).toMatchObject({ kind: 'stale', reason: expect.stringContaining('no longer running') });
    alive.add(102);
    await lock.release();
  });
});
