// Titles, ids and file names that try to leave the corpus or trick a terminal: stored under a safe
// id inside the corpus (or refused), nothing written anywhere else, the rest untouched.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { snapshotDir, useBaselineCorpus } from '../helpers/baseline.js';

const scene = useBaselineCorpus();

const BODY = 'De gemeente zet AI in voor haar dienstverlening aan burgers.\n';
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Runs an ingest and checks that exactly one new file, `<id>.md`, appeared in the corpus and nothing else anywhere. */
function ingestAndExpect(args: string[], id: string, input?: string) {
  const before = snapshotDir(scene.corpus);
  const around = readdirSync(scene.dir).sort();
  const run = runCli(['ingest', ...args, '--corpus', scene.corpus, '--format', 'json'], { cwd: scene.dir, ...(input === undefined ? {} : { input }) });
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout).results).toEqual([expect.objectContaining({ status: 'stored', id })]);
  const after = snapshotDir(scene.corpus);
  expect(Object.keys(after)).toEqual([...Object.keys(before), `${id}.md`].sort());
  for (const name of Object.keys(before)) expect(after[name]).toBe(before[name]);
  expect(readdirSync(scene.dir).sort()).toEqual(around);
  expect(run.stderr).not.toMatch(CONTROL);
  return run;
}

describe('file names', () => {
  it.each([
    ['CON.md', 'con-doc'],
    ['nul.txt', 'nul-doc'],
    ['Com1.markdown', 'com1-doc'],
    ['..dotted..name...md', 'dotted-name'],
    [`${'Beleid '.repeat(30)}.md`, `${'beleid-'.repeat(10)}b-e0bb0219`],
    ['\u202Etxt.exe.md', 'txt-exe'],
    ['evil\u001b[2J\u0007\nname.md', 'evil-2j-name'],
  ])('%j is stored as %s', (name, id) => {
    const file = join(scene.dir, name);
    writeFileSync(file, `---\nlevel: local\ncountry: NL\n---\n${BODY}`);
    ingestAndExpect([file], id);
  });

  it('a refused file whose name holds escapes and line breaks is named on one stderr line, escapes made visible', () => {
    const file = join(scene.dir, 'evil\u001b]0;owned\u0007\r\nsecond line.md');
    writeFileSync(file, '');
    const run = runCli(['ingest', file, '--corpus', scene.corpus], { cwd: scene.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`aipolicy: ${scene.dir}/evil\\u001b]0;owned\\u0007\\r\\nsecond line.md: no text: the document is empty or only whitespace\n`);
    expect(run.stdout).not.toMatch(CONTROL);
  });

  it('keeps two long names that share their first 80 characters apart', () => {
    const a = join(scene.dir, `${'x'.repeat(120)}-a.md`);
    const b = join(scene.dir, `${'x'.repeat(120)}-b.md`);
    writeFileSync(a, `---\nlevel: local\ncountry: NL\n---\n${BODY}`);
    writeFileSync(b, `---\nlevel: local\ncountry: NL\n---\nDe provincie investeert in digitale vaardigheden.\n`);
    const run = runCli(['ingest', a, b, '--corpus', scene.corpus, '--format', 'json'], { cwd: scene.dir });
    expect(run.code).toBe(0);
    const ids = JSON.parse(run.stdout).results.map((r: { id: string }) => r.id);
    expect(ids[0]).not.toBe(ids[1]);
    for (const id of ids) expect(id).toMatch(/^x{71}-[0-9a-f]{8}$/);
  }, 30_000);
});

describe('titles from standard input (the id comes from the title)', () => {
  it.each([
    ['../../x', 'x'],
    ['/etc/passwd', 'etc-passwd'],
    ['..\\..\\windows\\system32', 'windows-system32'],
    ['CON', 'con-doc'],
    ['．．／．．／', 'doc-<hash>'],
    ['\u001b]0;owned\u0007 Plan', '0-owned-plan'],
  ])('title %j gives id %s', (title, id) => {
    const input = `---\ntitle: ${JSON.stringify(title)}\nlevel: local\ncountry: NL\n---\n${BODY}`;
    if (id === 'doc-<hash>') {
      const run = runCli(['ingest', '-', '--corpus', scene.corpus, '--format', 'json'], { cwd: scene.dir, input });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).results[0].id).toMatch(/^doc-[0-9a-f]{12}$/);
      return;
    }
    ingestAndExpect(['-'], id, input);
  });

  it('an --id that is a path is refused with exit 2 and nothing written', () => {
    const before = snapshotDir(scene.corpus);
    const run = runCli(['ingest', '-', '--id', '../outside', '--corpus', scene.corpus], { cwd: scene.dir, input: BODY });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('aipolicy: -: id "../outside" is not valid: use lowercase letters, digits and dashes (at most 80)\n');
    expect(snapshotDir(scene.corpus)).toEqual(before);
  });
});

describe('escape sequences in the title and the text', () => {
  it('are stored as data and never reach the terminal raw (show, list, tag, explain)', () => {
    const file = join(FIXTURES, 'hostile', 'escapes-in-title.md');
    ingestAndExpect([file], 'escapes-in-title');
    const stored = readFileSync(join(scene.corpus, 'escapes-in-title.md'), 'utf8');
    expect(stored).toContain('title: "\\u001b]0;owned\\u0007\\u001b[2J\\u001b[31mRed \\u202ereversed"');
    for (const args of [['show', 'escapes-in-title'], ['list'], ['explain', 'escapes-in-title'], ['verify']]) {
      const run = runCli([...args, '--corpus', scene.corpus]);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(CONTROL);
    }
    const tag = runCli(['tag', file]);
    expect(tag.stdout).not.toMatch(CONTROL);
    expect(tag.stdout).toContain('title:     \\u001b]0;owned\\u0007\\u001b[2J\\u001b[31mRed \\u202ereversed');
    const json = runCli(['show', 'escapes-in-title', '--corpus', scene.corpus, '--format', 'json']);
    expect(json.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(json.stdout).title).toBe('\u001b]0;owned\u0007\u001b[2J\u001b[31mRed \u202Ereversed');
  }, 30_000);
});
