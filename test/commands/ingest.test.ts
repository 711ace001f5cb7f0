import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, makeTempDir, runCli } from '../helpers/cli.js';
import { readIndexFile, writeIndexFile } from '../helpers/index-file.js';
import { AUTO_JOBS_MIN, SHARED_FROM, sharesWork, workerCount } from '../../src/workflows/ingest.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

const corpusFiles = (corpus: string) => (existsSync(corpus) ? readdirSync(corpus).sort() : []);

describe('aipolicy ingest', () => {
  it('stores a document once and reports the second ingest as unchanged', () => {
    const corpus = join(dir, 'corpus');
    const source = join(FIXTURES, 'sources', 'nl-national-nu-nctv-phishing-chatgpt.md');
    const first = runCli(['ingest', source, '--corpus', corpus, '--format', 'json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).results).toEqual([
      expect.objectContaining({ status: 'stored', id: 'nl-national-nu-nctv-phishing-chatgpt', language: 'nl', themes: ['cybersecurity'] }),
    ]);
    const stored = readFileSync(join(corpus, 'nl-national-nu-nctv-phishing-chatgpt.md'), 'utf8');
    expect(stored).toMatch(/^---\nid: "nl-national-nu-nctv-phishing-chatgpt"\n/);
    expect(stored).toContain('level: "national"');
    expect(stored).toContain('content_hash: "sha256:');
    expect(stored).toContain('taxonomy_version: "');
    const second = runCli(['ingest', source, '--corpus', corpus, '--format', 'json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).results[0].status).toBe('unchanged');
    expect(corpusFiles(corpus)).toEqual(['nl-national-nu-nctv-phishing-chatgpt.md']);
    expect(readFileSync(join(corpus, 'nl-national-nu-nctv-phishing-chatgpt.md'), 'utf8')).toBe(stored);
  });

  it('leaves no new corpus folder behind when every input failed, and keeps one that existed', () => {
    const corpus = join(dir, 'new', 'corpus');
    const empty = join(dir, 'empty.md');
    writeFileSync(empty, '  \n');
    const failed = runCli(['ingest', empty, join(dir, 'missing.md'), '--corpus', corpus]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('empty.md');
    expect(existsSync(join(dir, 'new'))).toBe(false);
    mkdirSync(corpus, { recursive: true });
    expect(runCli(['ingest', empty, '--corpus', corpus]).code).toBe(2);
    expect(existsSync(corpus)).toBe(true);
    const stored = runCli(['ingest', empty, join(FIXTURES, 'sources', 'nl-national-nu-nctv-phishing-chatgpt.md'), '--corpus', join(dir, 'other')]);
    expect(stored.code).toBe(2);
    expect(corpusFiles(join(dir, 'other'))).toContain('nl-national-nu-nctv-phishing-chatgpt.md');
  });

  it('updates a document whose text changed, and reports a copy under another name as duplicate', () => {
    const corpus = join(dir, 'corpus');
    const file = join(dir, 'plan.md');
    writeFileSync(file, '---\nlevel: federal\ncountry: BE\n---\nDe cyberveiligheid van de overheid moet beter.\n');
    expect(JSON.parse(runCli(['ingest', file, '--corpus', corpus, '--format', 'json']).stdout).results[0].status).toBe('stored');
    writeFileSync(file, '---\nlevel: federal\ncountry: BE\n---\nDe cyberveiligheid van de overheid moet veel beter: ransomware neemt toe.\n');
    expect(JSON.parse(runCli(['ingest', file, '--corpus', corpus, '--format', 'json']).stdout).results[0].status).toBe('updated');
    const copy = join(dir, 'copy.md');
    writeFileSync(copy, readFileSync(file));
    const dup = JSON.parse(runCli(['ingest', copy, '--corpus', corpus, '--format', 'json']).stdout).results[0];
    expect(dup).toMatchObject({ status: 'duplicate', duplicateOf: 'plan' });
    expect(corpusFiles(corpus)).toEqual(['plan.md']);
  });

  it('refuses ---js front matter with exit 2 and never runs its code', () => {
    const corpus = join(dir, 'corpus');
    const marker = join(dir, 'pwned');
    const evil = join(dir, 'evil.md');
    writeFileSync(evil, `---js\n{ title: require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\nText.\n`);
    const run = runCli(['ingest', evil, '--corpus', corpus]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`aipolicy: ${evil}: front matter in "js" is code and is refused`);
    expect(existsSync(marker)).toBe(false);
    expect(corpusFiles(corpus)).toEqual([]);
  });

  it('reports a bad file in a batch and still stores the others', () => {
    const corpus = join(dir, 'corpus');
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    writeFileSync(join(batch, 'a-good.md'), '---\nlevel: local\ncountry: NL\n---\nDe gemeente zet een chatbot in voor haar dienstverlening aan burgers.\n');
    writeFileSync(join(batch, 'b-bad.md'), '---\ntitle: [unclosed\n---\nText\n');
    writeFileSync(join(batch, 'c-good.txt'), 'Les hôpitaux et les patients profitent de l’IA dans les soins de santé.\n');
    const run = runCli(['ingest', batch, '--corpus', corpus, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('b-bad.md: invalid YAML front matter');
    const statuses = JSON.parse(run.stdout).results.map((r: { status: string }) => r.status);
    expect(statuses).toEqual(['stored', 'failed', 'stored']);
    expect(corpusFiles(corpus)).toEqual(['a-good.md', 'c-good.md']);
  });

  it('writes nothing with --dry-run', () => {
    const corpus = join(dir, 'corpus');
    const run = runCli(['ingest', join(FIXTURES, 'sources'), '--corpus', corpus, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run, nothing written: 23 stored');
    expect(existsSync(corpus)).toBe(false);
  });

  it('reads standard input, lets flags override front matter, and uses AIPOLICY_CORPUS', () => {
    const corpus = join(dir, 'env-corpus');
    const run = runCli(['ingest', '-', '--id', 'from-stdin', '--level', 'regional', '--country', 'BE', '--region', 'Flanders', '--format', 'json'], {
      input: '---\nlevel: federal\ntitle: Onderwijs\n---\nDe Vlaamse overheid investeert in onderwijs, opleidingen en digitale vaardigheden.\n',
      env: { AIPOLICY_CORPUS: corpus },
    });
    expect(run.code).toBe(0);
    const stored = readFileSync(join(corpus, 'from-stdin.md'), 'utf8');
    expect(stored).toContain('level: "regional"');
    expect(stored).toContain('region: "Flanders"');
    expect(stored).toContain('title: "Onderwijs"');
  });

  it('says which metadata is missing instead of guessing', () => {
    const file = join(dir, 'bare.txt');
    writeFileSync(file, 'De cyberveiligheid van de overheid moet beter.\n');
    const run = runCli(['ingest', file, '--corpus', join(dir, 'corpus')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('no level or country in front matter or flags');
  });

  it('refuses an invalid level flag with exit 2', () => {
    const run = runCli(['ingest', join(FIXTURES, 'seeds', '000_12304a81563e5785.txt'), '--corpus', join(dir, 'c'), '--level', 'province']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('level "province" is not one of eu, benelux, national, federal, regional, local');
  });
});

describe('aipolicy ingest with worker threads', () => {
  const sources = join(FIXTURES, 'sources');
  const snapshot = (corpus: string) => Object.fromEntries(corpusFiles(corpus).map((n) => [n, readFileSync(join(corpus, n), 'utf8')]));

  it('--jobs auto takes a worker per core but one (this thread reads, writes, commits and takes its share), from 64 inputs', () => {
    expect(workerCount('auto', AUTO_JOBS_MIN, 2)).toBe(1);
    expect(workerCount('auto', 100_000, 8)).toBe(7);
    expect(workerCount('auto', 100_000, 1)).toBe(0);
    expect(workerCount('auto', AUTO_JOBS_MIN - 1, 8)).toBe(0);
    // --jobs N: this thread alone for 1, else N workers, never more than there are inputs.
    expect(workerCount(1, 500, 8)).toBe(0);
    expect(workerCount(2, 500, 8)).toBe(2);
    expect(workerCount(16, 3, 8)).toBe(3);
    expect(workerCount(2, 1, 8)).toBe(0);
  });

  it('--jobs auto has this thread prepare inputs beside its workers from 5,000 inputs, --jobs N never', () => {
    expect(SHARED_FROM).toBe(5000);
    expect(sharesWork('auto', SHARED_FROM, 1)).toBe(true);
    expect(sharesWork('auto', 100_000, 7)).toBe(true);
    expect(sharesWork('auto', SHARED_FROM - 1, 1)).toBe(false);
    // No workers (one core): this thread does everything anyway.
    expect(sharesWork('auto', 100_000, 0)).toBe(false);
    expect(sharesWork(2, 100_000, 2)).toBe(false);
    expect(sharesWork(1, 100_000, 0)).toBe(false);
  });

  it('--jobs auto on 64 inputs stores and reports the same as one thread', () => {
    const inputs = join(dir, 'many');
    mkdirSync(inputs);
    const texts = readdirSync(sources).sort().map((n) => readFileSync(join(sources, n), 'utf8'));
    for (let i = 0; i < AUTO_JOBS_MIN; i++) writeFileSync(join(inputs, `in-${String(i).padStart(2, '0')}.md`), `${texts[i % texts.length]!}\n\nCopy ${i}.\n`);
    const one = runCli(['ingest', inputs, '--corpus', join(dir, 'one'), '--format', 'json', '--jobs', '1']);
    const auto = runCli(['ingest', inputs, '--corpus', join(dir, 'auto'), '--format', 'json']);
    expect(one.code).toBe(0);
    expect(auto.stdout).toBe(one.stdout);
    expect(auto.stderr).toBe(one.stderr);
    expect(auto.code).toBe(0);
    expect(snapshot(join(dir, 'auto'))).toEqual(snapshot(join(dir, 'one')));
  }, 60_000);

  it('--jobs auto on 5,000 inputs, where this thread takes its share, stores and reports the same as one thread', () => {
    const inputs = join(dir, 'many');
    mkdirSync(inputs);
    const texts = readdirSync(sources).sort().map((n) => readFileSync(join(sources, n), 'utf8').split('\n\n').slice(0, 3).join('\n\n'));
    for (let i = 0; i < SHARED_FROM; i++) writeFileSync(join(inputs, `in-${String(i).padStart(4, '0')}.md`), `${texts[i % texts.length]!}\n\nCopy ${i}.\n`);
    const one = runCli(['ingest', inputs, '--corpus', join(dir, 'one'), '--format', 'json', '--jobs', '1']);
    const auto = runCli(['ingest', inputs, '--corpus', join(dir, 'auto'), '--format', 'json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).results).toHaveLength(SHARED_FROM);
    expect(auto.stdout).toBe(one.stdout);
    expect(auto.code).toBe(0);
    expect(snapshot(join(dir, 'auto'))).toEqual(snapshot(join(dir, 'one')));
  }, 120_000);

  it('stores the same files and reports the same results with --jobs 2 as in one thread, in input order', () => {
    const one = runCli(['ingest', sources, '--corpus', join(dir, 'one'), '--format', 'json', '--jobs', '1']);
    const two = runCli(['ingest', sources, '--corpus', join(dir, 'two'), '--format', 'json', '--jobs', '2']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(snapshot(join(dir, 'two'))).toEqual(snapshot(join(dir, 'one')));
    const results = JSON.parse(two.stdout).results as Array<{ source: string; status: string }>;
    expect(results.map((r) => r.source)).toEqual(readdirSync(sources).sort().map((n) => join(sources, n)));
    expect(results.every((r) => r.status === 'stored')).toBe(true);
    // Unchanged on a second run, decided in the threads from the corpus index.
    const again = runCli(['ingest', sources, '--corpus', join(dir, 'two'), '--format', 'json', '--jobs', '2']);
    expect((JSON.parse(again.stdout).results as Array<{ status: string }>).every((r) => r.status === 'unchanged')).toBe(true);
  }, 60_000);

  it('reports a bad input from a worker thread like any other, and stores the rest', () => {
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'a.md'), '---\nlevel: federal\ncountry: BE\n---\nDe cyberveiligheid van de overheid moet beter.\n');
    writeFileSync(join(inputs, 'b.md'), '---\nlevel: [unclosed\n---\nText.\n');
    writeFileSync(join(inputs, 'c.md'), '---\nlevel: federal\ncountry: BE\n---\nLes données de santé des patients.\n');
    const run = runCli(['ingest', inputs, '--corpus', join(dir, 'corpus'), '--format', 'json', '--jobs', '3']);
    expect(run.code).toBe(2);
    expect((JSON.parse(run.stdout).results as Array<{ status: string }>).map((r) => r.status)).toEqual(['stored', 'failed', 'stored']);
    expect(run.stderr).toContain(`aipolicy: ${join(inputs, 'b.md')}: `);
  });

  it('2: a --jobs that is not a number of threads', () => {
    for (const bad of ['0', 'many', '-1', '1.5']) {
      const run = runCli(['ingest', sources, '--corpus', join(dir, 'corpus'), '--jobs', bad]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`aipolicy: --jobs must be a number of threads from 1 to 999, or auto (got "${bad}")\n`);
    }
  });

  it('leaves the corpus index current: overlap right after ingest answers from it', () => {
    const corpus = join(dir, 'corpus');
    const cache = join(dir, 'cache');
    expect(runCli(['ingest', sources, '--corpus', corpus, '--jobs', '2'], { env: { AIPOLICY_CACHE: cache } }).code).toBe(0);
    const [name] = readdirSync(cache).filter((n) => n.startsWith('index-'));
    const file = join(cache, name!);
    const index = readIndexFile(file);
    expect(index.rows.map((r) => `${String(r[0])}.md`)).toEqual(corpusFiles(corpus));
    const indexed = runCli(['overlap', '--corpus', corpus, '--format', 'json'], { env: { AIPOLICY_CACHE: cache } });
    const fresh = runCli(['overlap', '--corpus', corpus, '--format', 'json'], { env: { AIPOLICY_CACHE: join(dir, 'empty-cache') } });
    expect(indexed.code).toBe(0);
    expect(indexed.stdout).toBe(fresh.stdout);
    // A score changed in the index alone (files untouched, index written long ago) shows in the
    // output: the run answered from the index ingest left, not from the files.
    for (const row of index.rows) {
      const themes = row[20] as number[];
      for (let k = 1; k < themes.length; k += 3) themes[k] = 0.777;
    }
    writeIndexFile(file, { ...index, written: Date.now() + 60_000 });
    const coverage = JSON.parse(runCli(['overlap', '--corpus', corpus, '--format', 'json'], { env: { AIPOLICY_CACHE: cache } }).stdout).coverage as Array<{ cells: Array<{ score?: number }> }>;
    const scores = coverage.flatMap((t) => t.cells.filter((c) => c.score !== undefined && c.score > 0).map((c) => c.score));
    expect(scores.length).toBeGreaterThan(0);
    expect(scores.every((score) => score === 0.777)).toBe(true);
  }, 60_000);
});
