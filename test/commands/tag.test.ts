import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

const seed = (name: string) => join(FIXTURES, 'seeds', name);
const SEEDS = ['000_12304a81563e5785.txt', '001_23de446fa5c7ae8b.txt', '002_ef380fd79511cd35.txt', '003_0a495c43b8720605.txt', '004_fdf0d167aca4077d.txt'];

interface TagJson {
  source: string;
  language: string;
  languages: Record<string, number>;
  themes: Array<{ id: string; score: number; evidence: Array<{ text: string; terms: string[]; start: number; end: number }> }>;
}

describe('aipolicy tag --format json on the seed documents', () => {
  const run = runCli(['tag', '--format', 'json', ...SEEDS.map(seed)]);
  const results = JSON.parse(run.stdout) as TagJson[];

  it('prints one object per input, in input order, and exits 0', () => {
    expect(run.code).toBe(0);
    expect(results.map((r) => r.source)).toEqual(SEEDS.map(seed));
  });

  it('detects Dutch for 000, 001, 002, 004 and English for 003', () => {
    expect(results.map((r) => r.language)).toEqual(['nl', 'nl', 'nl', 'en', 'nl']);
    for (const r of results) expect(Object.values(r.languages).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1);
  });

  it('gives 003 at least seven themes and 002 cybersecurity', () => {
    expect(results[3]!.themes.length).toBeGreaterThanOrEqual(7);
    expect(results[2]!.themes.map((t) => t.id)).toContain('cybersecurity');
  });

  it('orders themes by score and backs each with evidence whose offsets point at the text', () => {
    for (const r of results) {
      const scores = r.themes.map((t) => t.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      for (const theme of r.themes) {
        expect(theme.score).toBeGreaterThan(0);
        expect(theme.score).toBeLessThanOrEqual(1);
        expect(theme.evidence.length).toBeGreaterThan(0);
        for (const e of theme.evidence) {
          expect(e.terms.length).toBeGreaterThan(0);
          expect(e.end - e.start).toBe(e.text.length);
        }
      }
    }
  });

  it('takes no evidence from the unrelated site news at the end of 004', () => {
    const evidence = results[4]!.themes.flatMap((t) => t.evidence.map((e) => e.text)).join('\n');
    expect(evidence).not.toMatch(/Work Life Balance|tijdelijke mutatie|Staatsblad|lichtere functie/);
    const newsStart = readFileSync(seed(SEEDS[4]!), 'utf8').indexOf('Meer nieuws');
    expect(newsStart).toBeGreaterThan(0);
    for (const theme of results[4]!.themes) for (const e of theme.evidence) expect(e.end).toBeLessThan(newsStart);
  });
});

describe('aipolicy tag errors', () => {
  it('reports a missing file with exit 2 and still tags the others, in order', () => {
    const run = runCli(['tag', '--format', 'json', 'no-such-file.txt', seed(SEEDS[2]!)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('aipolicy: no-such-file.txt: no such file or folder');
    const results = JSON.parse(run.stdout) as Array<{ source: string; error?: string }>;
    expect(results.map((r) => [r.source.endsWith('.txt'), r.error !== undefined])).toEqual([[true, true], [true, false]]);
  });

  it('reads standard input with -', () => {
    const run = runCli(['tag', '-', '--format', 'json'], { input: 'Die Cybersicherheit vernetzter Produkte wird durch das Cyberresilienzgesetz gestärkt.\n' });
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout) as TagJson[];
    expect(result!.source).toBe('-');
    expect(result!.language).toBe('de');
    expect(result!.themes.map((t) => t.id)).toEqual(['cybersecurity']);
  });

  it('prints human-readable evidence by default, without colour when not on a terminal', () => {
    const run = runCli(['tag', seed(SEEDS[2]!)], { env: { NO_COLOR: undefined } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('cybersecurity');
    expect(run.stdout).toContain('terms: ');
    expect(run.stdout).not.toContain('\u001b[');
  });
});
