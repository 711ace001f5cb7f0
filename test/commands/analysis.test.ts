import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashText } from '../../src/core/record.js';
import { ROOT, makeTempDir, runCli } from '../helpers/cli.js';
import { HOSTILE_TITLE, SYNTHETIC, writeSyntheticCorpus } from '../helpers/corpus.js';

// A synthetic corpus with known themes (stored with the current taxonomy version, so never re-tagged):
// every expected cell below follows from test/helpers/corpus.ts, whatever the tagger does.
let dir: string;
let cleanup: () => void;
let corpus: string;
/** The synthetic corpus without be-flanders-mobility. */
let smaller: string;
beforeAll(async () => {
  ({ dir, cleanup } = makeTempDir());
  corpus = join(dir, 'corpus');
  await writeSyntheticCorpus(corpus, SYNTHETIC);
  smaller = join(dir, 'smaller');
  cpSync(corpus, smaller, { recursive: true });
  rmSync(join(smaller, 'be-flanders-mobility.md'));
});
afterAll(() => cleanup());

const json = (args: string[]) => {
  const run = runCli([...args, '--corpus', corpus, '--format', 'json']);
  return { ...run, data: JSON.parse(run.stdout) };
};
type Cell = { group: string; covered: boolean; strength: string; count: number; score: number; documents: string[]; evidence?: { document: string; text: string } | null };
const cellOf = (data: { coverage: Array<{ theme: string; cells: Cell[] }> }, theme: string, group: string): Cell =>
  data.coverage.find((r) => r.theme === theme)!.cells.find((c) => c.group === group)!;

describe('grouping and filters', () => {
  it.each([
    [['--by', 'level'], ['eu', 'national', 'federal', 'regional', 'local']],
    [['--by', 'country'], ['EU', 'BE', 'LU', 'NL']],
    [['--by', 'region'], ['Flanders', 'Wallonia', 'Amsterdam', '(none)']],
    [['--by', 'year'], ['2019', '2022', '2023', '2024']],
    [['--by', 'publisher'], ['European Commission', 'Ministère de l’Économie', 'NCTV', 'FOD BOSA', 'AWV', 'SPW', 'Gemeente Amsterdam']],
    [['--where', 'level=federal,regional'], ['federal', 'regional']],
    [['--country', 'NL'], ['national', 'local']],
    [['--lang', 'fr'], ['regional']],
    [['--where', 'country=BE', '--where', 'level=regional'], ['regional']],
  ])('overlap %j gives groups %j', (args, groups) => {
    const run = json(['overlap', ...args]);
    expect(run.code).toBe(0);
    expect(run.data.groups.map((g: { key: string }) => g.key)).toEqual(groups);
  });

  it('records the filters and the documents compared in the manifest, with their content hashes', () => {
    const { data } = json(['coverage', '--where', 'level=regional', '--lang', 'nl']);
    expect(data.manifest).toMatchObject({ tool: 'aipolicy', by: 'level', filters: [{ field: 'level', values: ['regional'] }, { field: 'language', values: ['nl'] }] });
    expect(data.manifest.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(data.manifest.taxonomyVersion).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{10}$/);
    const body = readFileSync(join(corpus, 'be-flanders-mobility.md'), 'utf8').split('\n---\n').slice(1).join('\n---\n');
    expect(data.manifest.documents).toEqual([{ id: 'be-flanders-mobility', contentHash: hashText(body) }]);
  });

  it.each([
    [['--where', 'planet=mars'], '--where "planet=mars": expected field=value'],
    [['--where', 'level=provincial'], '"provincial" is not one of eu, benelux'],
    [['--min-score', '1.5'], '--min-score must be a number from 0 to 1'],
    [['--min-docs', '0'], '--min-docs must be a whole number of 1 or more'],
    [['--by', 'planet'], "argument 'planet' is invalid"],
  ])('exits 2 for %j', (args, message) => {
    const run = runCli(['gaps', ...args, '--corpus', corpus]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});

describe('coverage cells', () => {
  const { data } = { data: {} as Parameters<typeof cellOf>[0] };
  beforeAll(() => Object.assign(data, json(['coverage', '--evidence']).data));

  it.each([
    ['trustworthy-ai', 'eu', true, 'strong', 0.95, 1],
    ['trustworthy-ai', 'local', true, 'weak', 0.6, 1],
    ['trustworthy-ai', 'regional', false, 'none', 0, 0],
    ['data', 'national', true, 'strong', 0.9, 2],
    ['healthcare', 'federal', true, 'weak', 0.7, 1],
    ['mobility', 'regional', true, 'strong', 0.9, 1],
  ] as const)('%s × %s: covered %s, %s, score %s, %s documents', (theme, group, covered, strength, score, count) => {
    expect(cellOf(data, theme, group)).toMatchObject({ covered, strength, score, count });
  });

  it('gives the strongest passage of the strongest document, as it stands in the body', () => {
    expect(cellOf(data, 'data', 'national').documents).toEqual(['lu-national-hpc', 'nl-national-cyber']);
    expect(cellOf(data, 'data', 'national').evidence).toMatchObject({ document: 'lu-national-hpc', text: SYNTHETIC[6]!.paragraphs[0] });
    expect(cellOf(data, 'skills', 'national').evidence).toBeNull();
  });

  it('prints the evidence under the table with --evidence, and not without', () => {
    const withEvidence = runCli(['coverage', '--corpus', corpus, '--evidence']).stdout;
    expect(withEvidence).toContain('Strongest evidence per covered cell\ntrustworthy-ai × eu\n  eu-ai-act ¶1 (score 0.95)\n  “The AI Act sets rules for trustworthy AI, with transparency and human oversight.”');
    expect(runCli(['coverage', '--corpus', corpus]).stdout).not.toContain('Strongest evidence');
  });
});

describe('overlap --theme', () => {
  it('shows the passages on both sides of each pair of groups covering the theme', () => {
    const { code, data } = json(['overlap', '--theme', 'cybersecurity']);
    expect(code).toBe(0);
    expect(data.passages.pairs.map((p: { a: string; b: string }) => [p.a, p.b])).toEqual([['national', 'federal']]);
    expect(data.passages.pairs[0].aEvidence[0]).toMatchObject({ document: 'nl-national-cyber', text: SYNTHETIC[4]!.paragraphs[0] });
    expect(data.passages.pairs[0].bEvidence[0]).toMatchObject({ document: 'be-federal-plan', text: SYNTHETIC[1]!.paragraphs[0] });
    const table = runCli(['overlap', '--theme', 'cybersecurity', '--corpus', corpus]).stdout;
    expect(table).toContain('Passages on cybersecurity, for each pair of groups that both cover it\nnational ↔ federal\n  national\n    nl-national-cyber ¶1 (score 0.88)');
  });

  it('exits 2 for an unknown theme', () => {
    const run = runCli(['overlap', '--theme', 'space', '--corpus', corpus]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--theme: unknown theme "space"');
  });
});

describe('gaps marked with the competences', () => {
  const detail = (data: { gaps: Array<{ from: string; to: string; details: Array<{ theme: string; status: string; reason: string }> }> }, from: string, to: string, theme: string) =>
    data.gaps.find((g) => g.from === from && g.to === to)!.details.find((d) => d.theme === theme)!;

  it.each([
    ['federal', 'regional', 'cybersecurity', 'not competent', 'BE regional: Federal: the Centre for Cybersecurity Belgium'],
    ['federal', 'regional', 'healthcare', 'covered by a higher level', 'be-federal-plan'],
    ['regional', 'federal', 'mobility', 'real gap', 'competent: BE federal (partial)'],
    ['national', 'local', 'cybersecurity', 'not competent', 'NL local: National: the NCSC'],
    ['national', 'local', 'data', 'covered by a higher level', 'nl-national-cyber'],
    ['eu', 'national', 'trustworthy-ai', 'real gap', 'competent: LU national (full), NL national (full)'],
  ])('%s → %s, %s: %s', (from, to, theme, status, reason) => {
    const { data } = json(['gaps']);
    expect(detail(data, from, to, theme)).toMatchObject({ status });
    expect(detail(data, from, to, theme).reason).toContain(reason);
  });

  it('prints the count matrix (real gaps and all gaps) and the marked list', () => {
    const run = runCli(['gaps', '--corpus', corpus, '--where', 'country=BE', '--where', 'level=federal,regional']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('│ federal        │    —    │  0 (3)   │');
    expect(run.stdout).toContain('│ regional       │  3 (3)  │    —     │');
    expect(run.stdout).toMatch(/federal → regional\n {2}trustworthy-ai {2}covered by a higher level be-federal-plan\n {2}cybersecurity {3}not competent {13}BE regional: Federal/);
  });

  it('reads another competence file with --competence, and exits 2 when it is broken', () => {
    const file = join(dir, 'competence.yml');
    writeFileSync(file, readFileSync(join(ROOT, 'taxonomy', 'competence.yml'), 'utf8').replace('levels: {federal: full, regional: none, local: none}', 'levels: {federal: full, regional: full, local: none}'));
    const { data } = json(['gaps', '--competence', file]);
    expect(detail(data, 'federal', 'regional', 'cybersecurity').status).toBe('covered by a higher level');
    writeFileSync(file, 'version: 1\ncountries: {}\n');
    const broken = runCli(['gaps', '--corpus', corpus, '--competence', file]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(`aipolicy: ${file}: countries must be a non-empty mapping\n`);
  });
});

describe('coverage as a CI gate (the cases the README documents)', () => {
  it.each([
    [['--require', 'cybersecurity', '--country', 'NL'], 1, 'FAIL 1 shortfall:\n  local lacks cybersecurity: 0 documents (needs 1)'],
    [['--require', 'public-services,trustworthy-ai', '--where', 'level=local'], 0, 'PASS every level group covers 2 required themes with at least 1 document'],
    [['--require', 'data', '--country', 'LU'], 0, 'PASS'],
    [['--require', 'data', '--country', 'LU', '--min-score', '0.95'], 1, 'national lacks data: 0 documents scoring 0.95+ (needs 1)'],
    [['--require', 'data', '--where', 'level=national', '--min-docs', '2'], 0, 'PASS'],
    [['--require', 'data', '--where', 'level=national', '--min-docs', '3'], 1, 'national lacks data: 2 documents (needs 3)'],
    [['--require', 'all', '--by', 'country'], 1, 'EU lacks cybersecurity'],
  ])('coverage %j exits %i', (args, code, text) => {
    const run = runCli(['coverage', ...args, '--corpus', corpus]);
    expect(run.code).toBe(code);
    expect(run.stdout).toContain(text);
  });

  it('exits 2 for an unknown required theme', () => {
    const run = runCli(['coverage', '--require', 'space-travel', '--corpus', corpus]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--require: unknown theme "space-travel"');
  });

  describe('against a baseline', () => {
    let base: string;
    beforeAll(() => {
      base = join(dir, 'coverage.json');
      const run = runCli(['coverage', '--require', 'mobility', '--where', 'level=regional', '--corpus', corpus, '--format', 'json']);
      expect(run.code).toBe(0);
      writeFileSync(base, run.stdout);
    });

    it('passes when nothing was lost', () => {
      const run = runCli(['coverage', '--require', 'skills', '--where', 'level=regional', '--baseline', base, '--corpus', corpus]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`PASS every level group covers 1 required theme with at least 1 document; nothing lost since ${base}`);
    });

    it('exits 1 naming every theme lost against the baseline, even a theme not required', () => {
      const run = runCli(['coverage', '--require', 'skills', '--where', 'level=regional', '--baseline', base, '--corpus', smaller]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('FAIL 2 shortfalls:\n  regional lost mobility since the baseline: 0 documents now (needs 1)\n  regional lost environment since the baseline: 0 documents now (needs 1)\n');
    });

    it('reports lost themes as JUnit failures', () => {
      const run = runCli(['coverage', '--require', 'skills', '--where', 'level=regional', '--baseline', base, '--corpus', smaller, '--format', 'junit']);
      expect(run.code).toBe(1);
      const cases = junitCases(run.stdout);
      expect(cases.get('regional × mobility')).toEqual({ failure: 'lost' });
      expect(cases.get('regional × skills')).toEqual({});
      expect(cases.get('regional × data')).toEqual({ skipped: 'not required' });
    });

    it.each([
      [['--by', 'country', '--where', 'level=regional'], 'it groups by level, this check by country (pass --by level)'],
      [['--where', 'level=federal'], 'it was made with level=regional, this check has level=federal'],
      [['--where', 'level=regional', '--min-score', '0.5'], 'it was made with --min-score 0, this check has 0.5'],
      [['--where', 'level=regional', '--min-docs', '2'], 'it was made with --min-docs 1, this check has 2'],
    ])('exits 2 when the baseline does not match: %j', (args, message) => {
      const run = runCli(['coverage', '--baseline', base, ...args, '--corpus', corpus]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`aipolicy: --baseline ${base}: ${message}\n`);
    });

    it.each([
      ['{"by":', 'not valid JSON'],
      ['{"by":"level"}', 'not a baseline (expected the output of aipolicy coverage --format json): no "coverage" list'],
    ])('exits 2 for a bad baseline file %s', (content, message) => {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, content);
      const run = runCli(['coverage', '--baseline', bad, '--corpus', corpus]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`aipolicy: ${bad}: ${message}`);
    });
  });
});

function junitCases(xml: string): Map<string, { failure?: string; skipped?: string }> {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) }).parse(xml);
  const cases = new Map<string, { failure?: string; skipped?: string }>();
  for (const suite of doc.testsuites.testsuite) {
    for (const c of suite.testcase) {
      cases.set(c.name, { ...(c.failure ? { failure: c.failure.type } : {}), ...(c.skipped ? { skipped: c.skipped.message } : {}) });
    }
  }
  return cases;
}

describe('formats', () => {
  it('JUnit: valid XML, one test case per group × theme, a failure per shortfall', () => {
    const run = runCli(['coverage', '--require', 'all', '--corpus', corpus, '--format', 'junit']);
    expect(run.code).toBe(1);
    const shortfalls = json(['coverage', '--require', 'all']).data.shortfalls.length;
    const cases = junitCases(run.stdout);
    expect(cases.size).toBe(5 * 8);
    expect([...cases.values()].filter((c) => c.failure === 'missing')).toHaveLength(shortfalls);
    expect(run.stdout).toMatch(new RegExp(`<testsuites name="aipolicy coverage" tests="40" failures="${shortfalls}">`));
  });

  it('CSV: RFC 4180 with CRLF, round-trips through a CSV parser, formulas neutralised', () => {
    const run = runCli(['coverage', '--evidence', '--corpus', corpus, '--format', 'csv']);
    expect(run.code).toBe(1);
    expect(run.stdout.endsWith('\r\n')).toBe(true);
    expect(run.stdout.replace(/"[^"]*"/g, '').match(/[^\r]\n/)).toBeNull();
    const rows: string[][] = parse(run.stdout, { record_delimiter: '\r\n', relax_quotes: false, relax_column_count: false });
    const [head, ...body] = rows;
    expect(head).toEqual(['group', 'theme', 'covered', 'strength', 'score', 'documents', 'group_documents', 'document_ids', 'required', 'shortfall', 'evidence_document', 'evidence_place', 'evidence_score', 'evidence_terms', 'evidence_text']);
    const { data } = json(['coverage', '--evidence']);
    expect(body).toHaveLength(5 * 8);
    for (const row of body) {
      const cell = cellOf(data, row[1]!, row[0]!);
      expect([row[2], row[3], Number(row[4]), Number(row[5]), row[7]]).toEqual([String(cell.covered), cell.strength, cell.score, cell.count, cell.documents.join(';')]);
      for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
    const services = body.find((r) => r[0] === 'local' && r[1] === 'public-services')!;
    expect(services[14]).toBe(`'${SYNTHETIC[5]!.paragraphs[0]}`);
    const health = body.find((r) => r[0] === 'federal' && r[1] === 'healthcare')!;
    expect(health[14]).toBe('Hospitals and patients, "in short: health care", get AI support.');
  });

  it.each([['overlap'], ['gaps'], ['diff']])('CSV of %s parses with a header and equal columns', (command) => {
    const args = command === 'diff' ? ['diff', corpus, smaller] : [command, '--corpus', corpus];
    const rows: string[][] = parse(runCli([...args, '--format', 'csv']).stdout, { record_delimiter: '\r\n' });
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  });

  it('Markdown: tables, escaped document text', () => {
    const run = runCli(['report', '--corpus', corpus, '--format', 'markdown', '--evidence']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| theme × level | eu (1) | national (2) | federal (1) | regional (2) | local (1) |');
    expect(run.stdout).toContain('| cybersecurity | · | **●1/2** | **●1/1** | · | · |');
    expect(run.stdout).toContain('@uitleg: algoritmen moeten \\<b\\>eerlijk\\</b\\> en transparant zijn.');
    expect(run.stdout).not.toMatch(/<b>/);
    expect(run.stdout).toMatch(/\| BE regional \(the Regions .*\) \| partial \| none \| partial \| full \| full \| full \| full \| full \|/);
    expect(run.stdout).toContain('- **BE cybersecurity** (approximate): Federal: the Centre for Cybersecurity Belgium');
  });

  it('HTML: one self-contained page, everything escaped, identical bytes for the same corpus', () => {
    const out = join(dir, 'report.html');
    const run = runCli(['report', '--out', out, '--corpus', corpus]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`aipolicy: wrote ${out} (7 documents, 5 level groups)\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(HOSTILE_TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('moeten &lt;b&gt;eerlijk&lt;/b&gt; en');
    expect(html).not.toMatch(/(?:src|href|action)\s*=\s*(?!["']?#)/i);
    expect(html).not.toMatch(/@import|url\(|<link|<img|<iframe|<object|<embed/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(runCli(['report', '--corpus', corpus]).stdout).toBe(html);
  });

  it('report --out into a missing folder exits 2 and writes nothing', () => {
    const out = join(dir, 'no-such-folder', 'report.html');
    const run = runCli(['report', '--out', out, '--corpus', corpus]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`aipolicy: ${out}: cannot write: no such file or folder\n`);
  });

  it.each([
    [['list', '--format', 'csv'], 'format "csv" is not available for this command (use table, json)'],
    [['overlap', '--format', 'junit'], 'format "junit" is not available for overlap (use table, json, csv, markdown, html)'],
    [['report', '--format', 'csv'], 'format "csv" is not available for report'],
  ])('%j exits 2', (args, message) => {
    const run = runCli([...args, '--corpus', corpus]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('diff', () => {
  it('between two folders names the removed document and the themes it took away', () => {
    const { code, data } = json(['diff', corpus, smaller]);
    expect(code).toBe(0);
    expect(data.removed).toEqual(['be-flanders-mobility']);
    expect(data.changes).toEqual([
      { group: 'regional', theme: 'mobility', change: 'lost', documents: [{ id: 'be-flanders-mobility', cause: 'removed' }] },
      { group: 'regional', theme: 'environment', change: 'lost', documents: [{ id: 'be-flanders-mobility', cause: 'removed' }] },
    ]);
  });

  it('--since a git revision compares the corpus as committed with the working folder', () => {
    const repo = join(dir, 'repo');
    cpSync(corpus, join(repo, 'corpus'), { recursive: true });
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: repo, encoding: 'utf8' });
    expect(git('init', '-q').status).toBe(0);
    git('add', 'corpus');
    expect(git('commit', '-q', '-m', 'corpus').status).toBe(0);
    rmSync(join(repo, 'corpus', 'nl-national-cyber.md'));
    const run = runCli(['diff', '--since', 'HEAD'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'Themes gained and lost per level: corpus at HEAD → corpus',
        'Documents added: none. Removed: nl-national-cyber.',
        'national',
        '  − lost   cybersecurity',
        '      nl-national-cyber (document removed)',
        '',
      ].join('\n'),
    );
    const bad = runCli(['diff', '--since', 'no-such-rev'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since no-such-rev: no such revision');
  });

  it.each([
    [['diff'], 'diff needs two corpus folders, or --since <revision>'],
    [['diff', 'a', 'b', '--since', 'HEAD'], 'not both'],
    [['diff', '--since=-x'], '--since "-x" is not a git revision'],
  ])('%j exits 2', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
