// Hostile documents from fixtures/hostile/, one test each: refused with exit 2 and one line on
// stderr naming the file, never run, and the corpus left byte for byte as it was.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { snapshotDir, useBaselineCorpus } from '../helpers/baseline.js';

const HOSTILE = join(FIXTURES, 'hostile');
const scene = useBaselineCorpus();

const CODE = (language: string) => `front matter in "${language}" is code and is refused: documents are data (use YAML)`;
const EMPTY = 'no text: the document is empty or only whitespace';
const BAD_ID = (id: string) => `id "${id}" is not valid: use lowercase letters, digits and dashes (at most 80)`;

const CASES: Array<[file: string, message: string]> = [
  ['code-js.md', CODE('js')],
  ['code-javascript-spaced.md', CODE('javascript')],
  ['code-js-mixed-case.md', CODE('js')],
  ['code-js-after-bom-crlf.md', CODE('js')],
  ['code-coffee.md', CODE('coffee')],
  ['code-coffeescript-mixed-case.md', CODE('coffeescript')],
  ['code-cson.md', CODE('cson')],
  ['alias-bomb.md', 'front matter uses YAML aliases, which are not accepted'],
  ['deep-nesting-flow.md', 'front matter is nested deeper than 32 levels'],
  ['deep-nesting-block.md', 'front matter is nested deeper than 32 levels'],
  ['invalid-yaml.md', 'invalid YAML front matter: missed comma between flow collection entries (3:1)'],
  ['unterminated.md', 'front matter is not closed: no line "---" after the opening "---"'],
  ['front-matter-list.md', 'front matter must be a mapping of keys to values (it is a list or a single value)'],
  ['front-matter-scalar.md', 'front matter must be a mapping of keys to values (it is a list or a single value)'],
  ['binary.md', 'binary file: NUL byte at offset 8 (not a text document)'],
  ['nul-byte.txt', 'binary file: NUL byte at offset 21 (not a text document)'],
  ['invalid-utf8.txt', 'invalid UTF-8 at byte 12 and not Windows-1252 either: convert the file to UTF-8'],
  ['empty.md', EMPTY],
  ['whitespace-only.md', EMPTY],
  ['front-matter-only.md', EMPTY],
  ['id-traversal.md', BAD_ID('../../x')],
  ['id-absolute.md', BAD_ID('/etc/passwd')],
  ['id-reserved.md', BAD_ID('con')],
  ['id-too-long.md', BAD_ID('a'.repeat(81))],
  ['id-unicode.md', BAD_ID('\\u202etxt.exe')], // the right-to-left override is shown escaped
];

describe('hostile documents are refused', () => {
  it('covers every refused fixture in fixtures/hostile/', () => {
    const stored = ['README.md', 'escapes-in-title.md'];
    expect(readdirSync(HOSTILE).filter((n) => !stored.includes(n)).sort()).toEqual(CASES.map(([file]) => file).sort());
  });

  it.each(CASES)('%s', (name, message) => {
    const file = join(HOSTILE, name);
    const before = snapshotDir(scene.corpus);
    const run = runCli(['ingest', file, '--corpus', scene.corpus, '--format', 'json'], { cwd: scene.dir, timeout: 20_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`aipolicy: ${file}: ${message}\n`);
    expect(JSON.parse(run.stdout).results).toEqual([{ source: file, status: 'failed', error: message.replace('\\u202e', '\u202e') }]);
    expect(snapshotDir(scene.corpus)).toEqual(before);
    expect(existsSync(join(scene.dir, 'pwned'))).toBe(false); // the code in code-*.md would have written it
  });

  it('a batch of all of them with one good document: the good one is stored, each bad one reported, the rest untouched', () => {
    const good = join(FIXTURES, 'sources', 'nl-national-nu-nctv-phishing-chatgpt.md');
    const before = snapshotDir(scene.corpus);
    const files = CASES.map(([name]) => join(HOSTILE, name));
    const run = runCli(['ingest', ...files, good, '--corpus', scene.corpus, '--format', 'json'], { cwd: scene.dir, timeout: 30_000 });
    expect(run.code).toBe(2);
    const results = JSON.parse(run.stdout).results as Array<{ source: string; status: string }>;
    expect(results.map((r) => r.status)).toEqual([...CASES.map(() => 'failed'), 'stored']);
    expect(run.stderr).toBe(CASES.map(([name, message]) => `aipolicy: ${join(HOSTILE, name)}: ${message}\n`).join(''));
    const after = snapshotDir(scene.corpus);
    expect(Object.keys(after)).toEqual([...Object.keys(before), 'nl-national-nu-nctv-phishing-chatgpt.md'].sort());
    for (const name of Object.keys(before)) expect(after[name]).toBe(before[name]);
  });
});
