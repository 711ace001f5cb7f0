import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, makeTempDir, runCli } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
let corpus: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  corpus = join(dir, 'corpus');
  cpSync(join(ROOT, 'corpus'), corpus, { recursive: true });
});
afterEach(() => cleanup());

const DEAD_PID = 2 ** 22 + 12345; // above Linux's pid_max: never a running process
const edit = (name: string, change: (text: string) => string) => writeFileSync(join(corpus, name), change(readFileSync(join(corpus, name), 'utf8')));

describe('aipolicy verify', () => {
  it('0: the sample corpus is clean', () => {
    const run = runCli(['verify', '--corpus', corpus]);
    expect(run).toEqual({ code: 0, stdout: `PASS 23 documents in ${corpus}: no problems\n`, stderr: '' });
  });

  it('1: names every problem, one line each, sorted by file', () => {
    edit('be-wallonia-rtbf-cyberwal.md', (t) => `${t}Une phrase ajoutée à la main.\n`);
    edit('eu-mep-gieseke-gesundheitsdatenraum.md', (t) => t.replace(/taxonomy_version: ".*"/, 'taxonomy_version: "0.9.0"'));
    cpSync(join(corpus, 'nl-local-coevorden-ai-chatbot-woo.md'), join(corpus, 'zz-copy.md'));
    writeFileSync(join(corpus, 'broken.md'), '---\nid: "broken"\ntitle: [unclosed\n---\nText\n');
    writeFileSync(join(corpus, '.benelux-webinar-ai-kansen-koplopers-2021.md.4321.0badc0de.tmp'), '---\nid: "benelux-web');
    writeFileSync(join(corpus, '.aipolicy.lock'), `${JSON.stringify({ pid: DEAD_PID, host: hostname(), started: '2024-05-01T10:00:00.000Z', command: 'ingest' })}\n`);
    mkdirSync(join(corpus, 'folder.md'));
    const run = runCli(['verify', '--corpus', corpus]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      `${corpus}/.aipolicy.lock: lock: stale lock: the lock of ingest (pid ${DEAD_PID} on ${hostname()}, started 2024-05-01T10:00:00.000Z), which is no longer running; the next ingest or refresh takes it over`,
      `${corpus}/.benelux-webinar-ai-kansen-koplopers-2021.md.4321.0badc0de.tmp: temp-file: temporary file left by an interrupted run (pid 4321); the next ingest or refresh removes it`,
      `${corpus}/be-wallonia-rtbf-cyberwal.md: content-hash: the body does not match "content_hash": edited by hand or damaged (run aipolicy refresh if the edit is wanted)`,
      expect.stringMatching(new RegExp(`^${corpus}/broken.md: front-matter: invalid YAML front matter: `)),
      `${corpus}/eu-mep-gieseke-gesundheitsdatenraum.md: stale: analysed with taxonomy 0.9.0, the current one is ${taxonomyVersion()} (run aipolicy refresh)`,
      `${corpus}/folder.md: unreadable: cannot be read: not a regular file`,
      `${corpus}/zz-copy.md: duplicate-content: same text as ${corpus}/nl-local-coevorden-ai-chatbot-woo.md`,
      `${corpus}/zz-copy.md: duplicate-id: id "nl-local-coevorden-ai-chatbot-woo" is also the id of ${corpus}/nl-local-coevorden-ai-chatbot-woo.md`,
      `${corpus}/zz-copy.md: file-name: file name does not match its id "nl-local-coevorden-ai-chatbot-woo" (expected nl-local-coevorden-ai-chatbot-woo.md)`,
      `FAIL 9 problems in 26 documents in ${corpus}`,
      '',
    ]);
  });

  it('1: --format json lists the problems as data', () => {
    appendFileSync(join(corpus, 'be-wallonia-rtbf-cyberwal.md'), 'x\n');
    const run = runCli(['verify', '--corpus', corpus, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      corpus,
      documents: 23,
      problems: [{ file: `${corpus}/be-wallonia-rtbf-cyberwal.md`, kind: 'content-hash', message: expect.any(String) }],
      notes: [],
      passed: false,
    });
  });

  it('0: a run holding the lock right now is a note on stderr, not a problem', () => {
    writeFileSync(join(corpus, '.aipolicy.lock'), `${JSON.stringify({ pid: process.pid, host: hostname(), started: 'now', command: 'ingest' })}\n`);
    const run = runCli(['verify', '--corpus', corpus]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`aipolicy: ${corpus}/.aipolicy.lock: ingest (pid ${process.pid} on ${hostname()}, started now) is writing to this corpus right now; run verify again when it is done\n`);
  });

  it('2: a corpus folder that does not exist', () => {
    const run = runCli(['verify', '--corpus', join(dir, 'missing')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^aipolicy: corpus .*missing: no such file or folder/);
  });
});

function taxonomyVersion(): string {
  return /taxonomy_version: "(.*)"/.exec(readFileSync(join(ROOT, 'corpus', 'be-wallonia-rtbf-cyberwal.md'), 'utf8'))![1]!;
}
