// A small corpus to attack, and byte-for-byte snapshots to prove an attack changed nothing.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { makeTempDir, ROOT } from './cli.js';

/** Sample documents every hostile test starts from. */
export const BASELINE = ['be-wallonia-rtbf-cyberwal.md', 'eu-mep-gieseke-gesundheitsdatenraum.md', 'nl-local-coevorden-ai-chatbot-woo.md'];

/** Copies three documents of the sample corpus into `<dir>/corpus` and returns its path. */
export function makeBaselineCorpus(dir: string): string {
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus, { recursive: true });
  for (const name of BASELINE) copyFileSync(join(ROOT, 'corpus', name), join(corpus, name));
  return corpus;
}

/** Returns every entry of a folder (hidden ones too) with its bytes, or `<folder>` for folders. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    out[name] = statSync(path).isDirectory() ? '<folder>' : readFileSync(path).toString('base64');
  }
  return out;
}

/** A fresh temporary folder with a baseline corpus in it for every test of the file: `scene.dir`, `scene.corpus`. */
export function useBaselineCorpus(): { readonly dir: string; readonly corpus: string } {
  const scene = { dir: '', corpus: '', cleanup: (): void => undefined };
  beforeEach(() => {
    ({ dir: scene.dir, cleanup: scene.cleanup } = makeTempDir());
    scene.corpus = makeBaselineCorpus(scene.dir);
  });
  afterEach(() => scene.cleanup());
  return scene;
}
