import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, makeTempDir, runCli } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

describe('aipolicy explain', () => {
  it('explains a stored document: each asserted theme with its passages, terms and scores', () => {
    const run = runCli(['explain', 'nl-national-nu-nctv-phishing-chatgpt', '--corpus', join(ROOT, 'corpus'), '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.passageThreshold).toBe(0.44);
    expect(json.documentThreshold).toBe(0.5);
    const cyber = json.themes.find((t: { id: string }) => t.id === 'cybersecurity');
    expect(cyber.asserted).toBe(true);
    const best = cyber.passages[0];
    expect(best.asserted).toBe(true);
    expect(best.matches.map((m: { term: string }) => m.term.toLowerCase())).toContain('phishingmails');
    for (const m of best.matches) expect(best.text.slice(m.start, m.end)).toBe(m.term);
  });

  it('explains why a theme is not asserted: its passing mention is discounted', () => {
    const file = join(dir, 'list.txt');
    writeFileSync(file, 'Kunstmatige intelligentie kan helpen bij veel uitdagingen, denk maar aan economie, energie, gezondheid, mobiliteit en klimaatverandering.\n');
    const run = runCli(['explain', file, '--theme', 'healthcare']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('healthcare  not asserted');
    expect(run.stdout).toContain('[gezondheid]');
    expect(run.stdout).toMatch(/gezondheid \(health 0\.\d+, one item of a list of themes\)/);
  });

  it('refuses an unknown theme and an unknown document with exit 2', () => {
    const source = join(FIXTURES, 'seeds', '002_ef380fd79511cd35.txt');
    expect(runCli(['explain', source, '--theme', 'space']).code).toBe(2);
    const missing = runCli(['explain', 'no-such-doc', '--corpus', join(ROOT, 'corpus')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no document "no-such-doc"');
  });
});
