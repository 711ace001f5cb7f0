// Whole-output comparisons, one per analysis and format, on a copy of the sample corpus.
// The tagger is being retuned: after `npm run corpus`, review the change and regenerate with `npx vitest run -u`.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from '../helpers/cli.js';
import { copySampleCorpus } from '../helpers/corpus.js';

let dir: string;
let cleanup: () => void;
let corpus: string;
let smaller: string;
beforeAll(() => {
  ({ dir, cleanup } = makeTempDir());
  corpus = copySampleCorpus(join(dir, 'corpus'));
  smaller = copySampleCorpus(join(dir, 'smaller'));
  rmSync(join(smaller, 'be-wallonia-rtbf-cyberwal.md'));
});
afterAll(() => cleanup());

const EXTENSION: Record<string, string> = { table: 'txt', json: 'json', csv: 'csv', markdown: 'md', html: 'html', junit: 'xml' };
const FORMATS = ['table', 'json', 'csv', 'markdown', 'html'];

const cases: Array<[string, string[], string, number]> = [
  ...FORMATS.map((f): [string, string[], string, number] => ['overlap', ['overlap'], f, 0]),
  ...FORMATS.map((f): [string, string[], string, number] => ['overlap-theme-data', ['overlap', '--theme', 'data', '--by', 'country'], f, 0]),
  ...FORMATS.map((f): [string, string[], string, number] => ['gaps', ['gaps'], f, 0]),
  ...[...FORMATS, 'junit'].map((f): [string, string[], string, number] => ['coverage', ['coverage', '--require', 'cybersecurity,data', '--by', 'country', '--evidence'], f, 1]),
  ['report', ['report'], 'html', 0],
];

describe('golden outputs on the sample corpus', () => {
  it.each(cases)('%s as %s', async (name, args, format, code) => {
    const run = runCli([...args, '--corpus', corpus, '--format', format], { env: { COLUMNS: '80' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(code);
    await expect(run.stdout).toMatchFileSnapshot(join('..', '__golden__', `${name}.${EXTENSION[format]}`));
  });

  it.each(FORMATS)('diff with one document removed, as %s', async (format) => {
    const run = runCli(['diff', corpus, smaller, '--format', format]);
    expect(run.code).toBe(0);
    // Folder names are temporary: the golden file holds them as BEFORE and AFTER.
    const stable = run.stdout.split(smaller).join('AFTER').split(corpus).join('BEFORE');
    await expect(stable).toMatchFileSnapshot(join('..', '__golden__', `diff.${EXTENSION[format]}`));
  });

  it('diff names the removed document, whatever the tagger says about it', () => {
    const run = runCli(['diff', corpus, smaller, '--format', 'json']);
    const diff = JSON.parse(run.stdout);
    expect(diff.removed).toEqual(['be-wallonia-rtbf-cyberwal']);
    for (const change of diff.changes) {
      expect(change.change).toBe('lost');
      expect(change.documents).toEqual([{ id: 'be-wallonia-rtbf-cyberwal', cause: 'removed' }]);
    }
  });
});
