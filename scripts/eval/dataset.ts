// The development set as the trainer and the evaluator see it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (scripts are compiled to dist/scripts/eval/). */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const FIXTURES = join(ROOT, 'fixtures');

/** A labelled dev-set passage. */
export interface DevPassage {
  id: string;
  lang: string;
  text: string;
  labels: string[];
  url: string;
  heading: string;
  note?: string;
}

/** Returns the labelled passages of fixtures/devset/passages.jsonl. */
export function loadPassages(): DevPassage[] {
  return readFileSync(join(FIXTURES, 'devset', 'passages.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as DevPassage);
}

/** Returns the fold (0..k-1) of a passage: passages of one page share a fold, so no page is in train and test. */
export function foldOf(passage: DevPassage, k: number): number {
  let h = 2166136261;
  for (const ch of passage.url) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h % k;
}
