// One writer at a time per corpus: `.aipolicy.lock` in the corpus folder holds the writer's pid,
// host, start time and command. It is made whole in a temporary file and then hard-linked into
// place, which fails when a lock exists, so a lock file is never seen half-written. A lock whose
// pid no longer runs on this host is stale and is taken over, under a short-lived guard file so
// that two waiters cannot both remove it and both go on.
import { link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { CorpusError, formatMessage } from '../errors.js';
import { tempPathFor } from './corpus-store.js';
import { describeFsError } from './fs-errors.js';

/** Name of the lock file in a corpus folder. */
export const LOCK_FILE = '.aipolicy.lock';
const GUARD_FILE = '.aipolicy.lock.break';
/** A guard older than this was left by a process that died while breaking a stale lock. */
const GUARD_STALE_MS = 10_000;

/** Who takes the lock, given by the shell: this process and a way to tell whether another one still runs. */
export interface LockOwner {
  pid: number;
  host: string;
  isRunning: (pid: number) => boolean;
}

/** What a lock file says about the run that holds it. */
export interface LockInfo {
  pid: number;
  host: string;
  /** ISO time the run took the lock. */
  started: string;
  command: string;
}

/** Options for taking the lock. */
export interface LockOptions {
  owner: LockOwner;
  command: string;
  /** How long to wait for another run to finish before giving up. */
  timeoutMs: number;
  /** Receives one-line messages: waiting, stale lock taken over. */
  notify: (message: string) => void;
  pollMs?: number;
}

/** A lock held on a corpus. */
export interface CorpusLock {
  release: () => Promise<void>;
}

/** Returns the lock of the corpus once taken, waiting up to the timeout for another run; throws CorpusError when it stays taken. */
export async function acquireCorpusLock(dir: string, options: LockOptions): Promise<CorpusLock> {
  const path = join(dir, LOCK_FILE);
  const info: LockInfo = { pid: options.owner.pid, host: options.owner.host, started: new Date().toISOString(), command: options.command };
  const content = `${JSON.stringify(info)}\n`;
  const temp = await writeLockCandidate(dir, content);
  const deadline = Date.now() + options.timeoutMs;
  let announced = false;
  try {
    for (;;) {
      if (await tryLink(temp, path)) return { release: () => releaseLock(path, content) };
      const held = await readLockFile(path);
      if (held === undefined) continue; // released between our attempt and the read
      const stale = explainStaleLock(held, options.owner, path);
      if (stale !== undefined) {
        await breakStaleLock(dir, held.raw, () => options.notify(formatMessage(path, `taking over ${stale}`)));
        continue;
      }
      const holder = describeHolder(held.info, path);
      if (Date.now() >= deadline) {
        const hint = held.info !== undefined && held.info.host !== options.owner.host ? ' If that run is dead, delete the lock file.' : '';
        throw new CorpusError(path, `corpus is locked by ${holder}; gave up after ${formatSeconds(options.timeoutMs)} (--lock-timeout).${hint}`);
      }
      if (!announced) {
        options.notify(formatMessage(path, `waiting for ${holder} to finish (up to ${formatSeconds(options.timeoutMs)})`));
        announced = true;
      }
      await sleep(Math.min(options.pollMs ?? 100, Math.max(1, deadline - Date.now())));
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Runs `work` while holding the corpus lock, and releases it afterwards, whatever happens. */
export async function withCorpusLock<T>(dir: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  const lock = await acquireCorpusLock(dir, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

/** What a corpus lock file tells: no lock, a run in progress, or a stale lock the next writer takes over. */
export type LockState = { kind: 'none' } | { kind: 'held'; holder: string } | { kind: 'stale'; reason: string };

/** Returns the state of the corpus lock as seen by this owner. */
export async function readLockState(dir: string, owner: LockOwner): Promise<LockState> {
  const path = join(dir, LOCK_FILE);
  const held = await readLockFile(path);
  if (held === undefined) return { kind: 'none' };
  const reason = explainStaleLock(held, owner, path);
  return reason === undefined ? { kind: 'held', holder: describeHolder(held.info, path) } : { kind: 'stale', reason };
}

interface HeldLock {
  raw: string;
  info: LockInfo | undefined;
  ageMs: number;
}

// Stale: the pid is gone from this host, or the file is not a lock this tool wrote and has sat there
// a while (an exclusive create without hard links is briefly empty). Another host's lock never is.
function explainStaleLock(held: HeldLock, owner: LockOwner, path: string): string | undefined {
  if (held.info === undefined) return held.ageMs > GUARD_STALE_MS ? `an unreadable lock file (${path})` : undefined;
  const { info } = held;
  if (info.host === owner.host && info.pid !== owner.pid && !owner.isRunning(info.pid)) {
    return `the lock of ${describeHolder(info, path)}, which is no longer running`;
  }
  return undefined;
}

async function writeLockCandidate(dir: string, content: string): Promise<string> {
  const temp = tempPathFor(dir, LOCK_FILE.slice(1));
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new CorpusError(dir, `cannot lock the corpus: ${describeFsError(error)}`);
  }
  return temp;
}

// A hard link either creates the lock whole or fails because one exists; file systems without
// hard links fall back to an exclusive create.
async function tryLink(temp: string, path: string): Promise<boolean> {
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return tryExclusiveCreate(temp, path);
    throw new CorpusError(path, `cannot lock the corpus: ${describeFsError(error)}`);
  }
}

async function tryExclusiveCreate(temp: string, path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new CorpusError(path, `cannot lock the corpus: ${describeFsError(error)}`);
  }
  try {
    await handle.writeFile(await readFile(temp, 'utf8'), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

async function readLockFile(path: string): Promise<HeldLock | undefined> {
  try {
    const [raw, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { raw, info: parseLockInfo(raw), ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CorpusError(path, `cannot read the corpus lock: ${describeFsError(error)}`);
  }
}

/** Returns the lock information in a lock file's text, or undefined when it is not a lock this tool wrote. */
export function parseLockInfo(raw: string): LockInfo | undefined {
  try {
    const value = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return undefined;
    if (typeof value.host !== 'string' || typeof value.started !== 'string' || typeof value.command !== 'string') return undefined;
    return { pid: value.pid, host: value.host, started: value.started, command: value.command };
  } catch {
    return undefined;
  }
}

// Only one process at a time may remove a stale lock, and only the very lock it judged stale.
async function breakStaleLock(dir: string, staleRaw: string, announce: () => void): Promise<void> {
  const guard = join(dir, GUARD_FILE);
  let handle;
  try {
    handle = await open(guard, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new CorpusError(guard, `cannot lock the corpus: ${describeFsError(error)}`);
    const age = await stat(guard).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > GUARD_STALE_MS) await unlink(guard).catch(() => undefined);
    else await sleep(20);
    return;
  }
  try {
    await handle.close();
    const path = join(dir, LOCK_FILE);
    const current = await readLockFile(path);
    if (current !== undefined && current.raw === staleRaw) {
      await unlink(path).catch((error: unknown) => {
        throw new CorpusError(path, `cannot remove the stale lock: ${describeFsError(error)}`);
      });
      announce();
    }
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

async function releaseLock(path: string, content: string): Promise<void> {
  const current = await readLockFile(path).catch(() => undefined);
  if (current?.raw === content) await unlink(path).catch(() => undefined);
}

function describeHolder(info: LockInfo | undefined, path: string): string {
  if (info === undefined) return `an unreadable lock file (${path})`;
  return `${info.command} (pid ${info.pid} on ${info.host}, started ${info.started})`;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
