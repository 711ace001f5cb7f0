import { cpSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, makeTempDir, runCli } from '../helpers/cli.js';
import { readIndexFile, writeIndexFile } from '../helpers/index-file.js';

// Every test reads a copy of the sample corpus: tests never write into corpus/.
let dir: string;
let cleanup: () => void;
let corpus: string;
beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  corpus = join(dir, 'corpus');
  cpSync(join(ROOT, 'corpus'), corpus, { recursive: true });
});
afterAll(() => cleanup());

describe('the sample corpus', () => {
  it('is exactly what the tool writes from fixtures/sources (ingest reports it unchanged)', () => {
    const copy = join(dir, 'ingest-copy');
    cpSync(join(ROOT, 'corpus'), copy, { recursive: true });
    const run = runCli(['ingest', join(FIXTURES, 'sources'), '--corpus', copy, '--format', 'json']);
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout).results as Array<{ status: string }>;
    expect(results).toHaveLength(23);
    expect(results.every((r) => r.status === 'unchanged')).toBe(true);
  });
});

describe('the stored analyses', () => {
  it('are what the tagger computes today (a tagger change without a version bump would be caught here)', () => {
    const stored = JSON.parse(runCli(['list', '--corpus', corpus, '--format', 'json']).stdout) as Array<{ id: string; themes: Array<{ id: string; score: number }>; stale: boolean }>;
    const fresh = JSON.parse(runCli(['tag', '--format', 'json', join(FIXTURES, 'sources')]).stdout) as Array<{ source: string; themes: Array<{ id: string; score: number }> }>;
    expect(fresh).toHaveLength(stored.length);
    for (const doc of stored) {
      expect(doc.stale).toBe(false);
      const match = fresh.find((f) => f.source.endsWith(`${doc.id}.md`));
      expect(match, doc.id).toBeDefined();
      expect(match!.themes.map((t) => [t.id, t.score])).toEqual(doc.themes.map((t) => [t.id, t.score]));
    }
  });
});

describe('aipolicy list and show', () => {
  it('lists every document with its level', () => {
    const run = runCli(['list', '--corpus', corpus, '--format', 'json']);
    expect(run.code).toBe(0);
    const docs = JSON.parse(run.stdout) as Array<{ id: string; level: string; stale: boolean }>;
    expect(docs).toHaveLength(23);
    expect(new Set(docs.map((d) => d.level))).toEqual(new Set(['eu', 'benelux', 'national', 'federal', 'regional', 'local']));
    expect(docs.every((d) => !d.stale)).toBe(true);
  });

  it('lists from the corpus index, as overlap does: a score changed in the index alone shows', () => {
    const copy = join(dir, 'list-index');
    cpSync(corpus, copy, { recursive: true });
    const cache = join(dir, 'list-cache');
    const env = { AIPOLICY_CACHE: cache };
    const first = runCli(['list', '--corpus', copy, '--format', 'json'], { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(runCli(['list', '--corpus', corpus, '--format', 'json']).stdout);
    const [name] = readdirSync(cache).filter((n) => n.startsWith('index-'));
    const file = join(cache, name!);
    const index = readIndexFile(file);
    expect(index.rows).toHaveLength(23);
    for (const row of index.rows) {
      const themes = row[20] as number[];
      for (let k = 1; k < themes.length; k += 3) themes[k] = 0.777;
    }
    // Written long after the files: every row is trusted without reading its file.
    writeIndexFile(file, { ...index, written: Date.now() + 60_000 });
    const docs = JSON.parse(runCli(['list', '--corpus', copy, '--format', 'json'], { env }).stdout) as Array<{ themes: Array<{ score: number }> }>;
    const scores = docs.flatMap((d) => d.themes.map((t) => t.score));
    expect(scores.length).toBeGreaterThan(0);
    expect(new Set(scores)).toEqual(new Set([0.777]));
  });

  it('shows one document with evidence text taken from its body', () => {
    const run = runCli(['show', 'nl-national-nu-nctv-phishing-chatgpt', '--corpus', corpus, '--format', 'json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ id: 'nl-national-nu-nctv-phishing-chatgpt', level: 'national', country: ['NL'], language: 'nl' });
    const cyber = doc.themes.find((t: { id: string }) => t.id === 'cybersecurity');
    expect(cyber.evidence[0].text).toMatch(/phishing|cyber/i);
  });

  it('exits 2 for an unknown id', () => {
    const run = runCli(['show', 'no-such-document', '--corpus', corpus]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`aipolicy: no document "no-such-document" in corpus ${corpus} (see aipolicy list)\n`);
  });

  it('exits 2 when the corpus folder does not exist', () => {
    const run = runCli(['list', '--corpus', join(dir, 'missing')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such file or folder');
  });

  it('flags a document edited by hand as stale and recomputes it', () => {
    const edited = join(dir, 'edited');
    mkdirSync(edited);
    cpSync(join(corpus, 'nl-national-nu-nctv-phishing-chatgpt.md'), join(edited, 'nl-national-nu-nctv-phishing-chatgpt.md'));
    const path = join(edited, 'nl-national-nu-nctv-phishing-chatgpt.md');
    writeFileSync(path, `${readFileSync(path, 'utf8')}\nDe ziekenhuizen en patiënten in de gezondheidszorg krijgen extra steun.\n`);
    const run = runCli(['list', '--corpus', edited, '--format', 'json']);
    const [doc] = JSON.parse(run.stdout);
    expect(doc.stale).toBe(true);
    expect(doc.themes.map((t: { id: string }) => t.id)).toContain('healthcare');
    const refresh = runCli(['refresh', '--corpus', edited, '--format', 'json']);
    expect(JSON.parse(refresh.stdout).results[0].status).toBe('updated');
    expect(JSON.parse(runCli(['list', '--corpus', edited, '--format', 'json']).stdout)[0].stale).toBe(false);
  });

  it('reports an unreadable corpus file with exit 2 and still lists the rest', () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    cpSync(join(corpus, 'nl-national-nu-nctv-phishing-chatgpt.md'), join(broken, 'nl-national-nu-nctv-phishing-chatgpt.md'));
    writeFileSync(join(broken, 'junk.md'), 'no front matter here\n');
    const run = runCli(['list', '--corpus', broken, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('junk.md: not a corpus document: no front matter');
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });
});

describe('aipolicy overlap, gaps and coverage on the sample corpus', () => {
  it('overlap prints the coverage table and the overlap matrix with six levels side by side', () => {
    const run = runCli(['overlap', '--corpus', corpus]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Coverage: documents asserting each theme, per level');
    expect(run.stdout).toContain('Overlap: shared themes and Jaccard index');
    const header = run.stdout.split('\n').find((l) => l.includes('theme × level'))!;
    expect(header.match(/eu|benelux|national|federal|regional|local/g)).toEqual(['eu', 'benelux', 'national', 'federal', 'regional', 'local']);
  });

  it.each(['level', 'country', 'region', 'document'])('overlap --by %s --format json is consistent', (by) => {
    const run = runCli(['overlap', '--corpus', corpus, '--by', by, '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.by).toBe(by);
    expect(json.themes).toHaveLength(8);
    expect(json.overlap).toHaveLength(json.groups.length ** 2);
    for (const cell of json.overlap) {
      expect(cell.jaccard).toBeGreaterThanOrEqual(0);
      expect(cell.jaccard).toBeLessThanOrEqual(1);
      expect(cell.count).toBe(cell.shared.length);
    }
  });

  it('gaps lists, for ordered pairs, themes the first covers and the second does not', () => {
    const run = runCli(['gaps', '--corpus', corpus, '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    const covered = (group: string) =>
      new Set(json.coverage.filter((row: { cells: Array<{ group: string; covered: boolean }> }) => row.cells.find((c) => c.group === group)!.covered).map((row: { theme: string }) => row.theme));
    for (const gap of json.gaps) {
      for (const theme of gap.themes) {
        expect(covered(gap.from).has(theme)).toBe(true);
        expect(covered(gap.to).has(theme)).toBe(false);
      }
    }
    expect(json.gaps).toHaveLength(json.groups.length * (json.groups.length - 1));
  });

  it('coverage exits 1 naming each shortfall when a group lacks a required theme', () => {
    const run = runCli(['coverage', '--corpus', corpus, '--require', 'all', '--min-docs', '5']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL \d+ shortfalls:/);
    expect(run.stdout).toContain('eu lacks trustworthy-ai: ');
  });

  it('coverage exits 0 when every group meets the requirement', () => {
    const by = runCli(['coverage', '--corpus', corpus, '--by', 'country', '--require', 'cybersecurity', '--format', 'json']);
    const json = JSON.parse(by.stdout);
    expect(by.code).toBe(json.passed ? 0 : 1);
    const single = join(dir, 'single');
    mkdirSync(single);
    cpSync(join(corpus, 'nl-national-nu-nctv-phishing-chatgpt.md'), join(single, 'nl-national-nu-nctv-phishing-chatgpt.md'));
    const pass = runCli(['coverage', '--corpus', single, '--require', 'cybersecurity']);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain('PASS every level group covers 1 required theme');
  });

  it('coverage refuses an unknown theme with exit 2', () => {
    const run = runCli(['coverage', '--corpus', corpus, '--require', 'space-travel']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--require: unknown theme "space-travel"');
  });
});
