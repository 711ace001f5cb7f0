// Many small documents, and a CLI run in the background, for the crash and concurrency tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, cliEnv } from './cli.js';

/** Writes `count` small distinct documents `doc-000.md`… into `dir` and returns their ids. */
export function writeBatch(dir: string, count: number, first = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const ids: string[] = [];
  for (let i = first; i < first + count; i++) {
    const id = `doc-${String(i).padStart(3, '0')}`;
    writeFileSync(
      join(dir, `${id}.md`),
      `---\nlevel: local\ncountry: NL\n---\nDocument ${i}: de gemeente zet AI in voor haar dienstverlening aan burgers en voor de cyberveiligheid van haar systemen (${i}).\n`,
    );
    ids.push(id);
  }
  return ids;
}

/** A CLI run in the background: its process, and a promise of its exit with everything it printed. */
export interface BackgroundRun {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `aipolicy <args>` without waiting for it (standard input closed, or a pipe the caller writes and ends). */
export function startCli(args: string[], stdin: 'ignore' | 'pipe' = 'ignore'): BackgroundRun {
  const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(), stdio: [stdin, 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Resolves once `test` holds for the folder's entries (checked every few milliseconds), or rejects after `timeoutMs`. */
export function waitForEntries(dir: string, test: (names: string[]) => boolean, timeoutMs = 20_000): Promise<string[]> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        // not created yet
      }
      if (test(names)) {
        clearInterval(timer);
        resolve(names);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`waited ${timeoutMs} ms for ${dir}`));
      }
    }, 2);
  });
}
