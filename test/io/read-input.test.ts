import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectInputs } from '../../src/io/read-input.js';
import { makeTempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  mkdirSync(join(dir, 'docs', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'docs', '.git'));
  writeFileSync(join(dir, 'docs', 'a.md'), 'Tekst.\n');
  writeFileSync(join(dir, 'docs', 'b.pdf'), '%PDF-1.4\n');
  writeFileSync(join(dir, 'docs', 'sub', 'c.pdf'), '%PDF-1.4\n');
  writeFileSync(join(dir, 'docs', 'sub', 'd.html'), '<p>x</p>\n');
  writeFileSync(join(dir, 'docs', 'sub', 'e.docx'), 'PK');
  writeFileSync(join(dir, 'docs', 'sub', 'image.png'), 'x');
  writeFileSync(join(dir, 'docs', 'sub', 'nul.txt'), 'a\0b');
  writeFileSync(join(dir, 'docs', '.hidden.pdf'), '%PDF-1.4\n');
  writeFileSync(join(dir, 'docs', '.git', 'config'), 'x');
  symlinkSync('..', join(dir, 'docs', 'sub', 'up'));
});
afterEach(() => cleanup());

const rel = (paths: string[]): string[] => paths.map((p) => p.slice(dir.length + 1));

describe('collectInputs', () => {
  it('walks a folder recursively and reports hidden, binary, other types and symlink loops', async () => {
    const { inputs, skipped } = await collectInputs([join(dir, 'docs')]);
    expect(rel(inputs.map((i) => i.source))).toEqual(['docs/a.md', 'docs/b.pdf', 'docs/sub/c.pdf', 'docs/sub/d.html', 'docs/sub/e.docx']);
    expect(skipped.map((s) => [rel([s.source])[0], s.reason])).toEqual([
      ['docs/.git', 'hidden'],
      ['docs/.hidden.pdf', 'hidden'],
      ['docs/sub/image.png', 'not a document type (.png)'],
      ['docs/sub/nul.txt', 'binary file'],
      ['docs/sub/up', 'symlink loop'],
    ]);
  });

  it('expands a quoted glob from its base, keeps only matches, and reads each file once across arguments', async () => {
    const { inputs, skipped } = await collectInputs([join(dir, 'docs/**/*.pdf'), join(dir, 'docs', 'b.pdf')]);
    expect(rel(inputs.map((i) => i.source))).toEqual(['docs/b.pdf', 'docs/sub/c.pdf']);
    expect(skipped.map((s) => [rel([s.source])[0], s.reason])).toEqual([
      ['docs/.hidden.pdf', 'hidden'],
      ['docs/sub/up', 'symlink loop'],
    ]);
  });

  it('reports a glob that matches nothing as an error of that argument', async () => {
    const { inputs } = await collectInputs([join(dir, 'docs/**/*.odt')]);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.error?.message).toBe('no files match this pattern');
  });
});
