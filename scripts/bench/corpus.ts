// A deterministic synthetic corpus built from the real texts the project ships: the paragraphs of
// the sample documents and the development passages, shuffled into documents of realistic length
// with mixed languages and metadata. The same seed and size always give the same bytes.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A seeded pseudo-random generator (mulberry32): deterministic across runs and machines. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns the paragraphs the synthetic documents are made of: sample-corpus paragraphs and dev-set passages. */
export function loadParagraphs(fixtures: string): string[] {
  const paragraphs: string[] = [];
  for (const name of readdirSync(join(fixtures, 'sources')).sort()) {
    const text = readFileSync(join(fixtures, 'sources', name), 'utf8');
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const p of body.split(/\n\s*\n/)) if (p.trim().length >= 80) paragraphs.push(p.trim());
  }
  for (const line of readFileSync(join(fixtures, 'devset', 'passages.jsonl'), 'utf8').split('\n')) {
    if (line.trim() !== '') paragraphs.push((JSON.parse(line) as { text: string }).text.trim());
  }
  return paragraphs;
}

const LEVELS: Array<[string, string, string]> = [
  ['eu', 'EU', ''],
  ['benelux', 'BE;NL;LU', ''],
  ['national', 'NL', ''],
  ['national', 'LU', ''],
  ['federal', 'BE', ''],
  ['regional', 'BE', 'Flanders'],
  ['regional', 'BE', 'Wallonia'],
  ['regional', 'BE', 'Brussels'],
  ['local', 'NL', 'Amsterdam'],
];

/** Writes `count` documents into `dir` and returns their total size in bytes. */
export function writeSyntheticCorpus(dir: string, count: number, paragraphs: string[], seed = 42): number {
  mkdirSync(dir, { recursive: true });
  const random = createRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const [level, country, region] = pick(LEVELS);
    const parts = 3 + Math.floor(random() * 10);
    const body = Array.from({ length: parts }, () => pick(paragraphs)).join('\n\n');
    const year = 2018 + Math.floor(random() * 8);
    const front = [
      '---',
      `title: "Synthetic policy text ${i + 1}"`,
      `level: ${level}`,
      `country: "${country}"`,
      ...(region ? [`region: ${region}`] : []),
      `date: "${year}-0${1 + Math.floor(random() * 9)}"`,
      `publisher: "aipolicy bench"`,
      '---',
      '',
    ].join('\n');
    // A unique line keeps every document's text distinct (no duplicates to skip).
    const text = `${front}${body}\n\nReference ${seed}-${i + 1}.\n`;
    writeFileSync(join(dir, `doc-${String(i + 1).padStart(6, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
