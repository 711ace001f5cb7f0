// Runs the built CLI (bin/aipolicy.js → dist/) in a child process, as a user would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const BIN = join(ROOT, 'bin', 'aipolicy.js');
export const FIXTURES = join(ROOT, 'fixtures');
/** The index cache of every CLI run of this test process. */
export const TEST_CACHE = mkdtempSync(join(tmpdir(), 'aipolicy-test-cache-'));
// Registered when a test file first imports this helper: the folder goes when that file's tests are done.
afterAll(() => rmSync(TEST_CACHE, { recursive: true, force: true }));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  /** Milliseconds before the run is killed (a hang then shows as code -1). */
  timeout?: number;
}

/**
 * Returns the environment of a CLI run of the tests: no colour, no corpus taken from the caller's
 * environment, and corpus indexes in this test run's folder, never in the user's cache. `extra`
 * sets or (with undefined) removes variables.
 */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...extra };
  delete env['AIPOLICY_CORPUS'];
  env['AIPOLICY_CACHE'] = extra['AIPOLICY_CACHE'] ?? TEST_CACHE;
  if (extra['AIPOLICY_CORPUS'] !== undefined) env['AIPOLICY_CORPUS'] = extra['AIPOLICY_CORPUS'];
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

/** Runs `aipolicy <args>` and returns its exit code, stdout and stderr. */
export function runCli(args: string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: cliEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout, killSignal: 'SIGKILL' as const }),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Returns a fresh temporary folder and a function that removes it. */
export function makeTempDir(prefix = 'aipolicy-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
