import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusWriteError, UsageError } from '../../src/errors.js';
import { isTempFileName, listCorpus, readStoredFile, removeLeftoverTemps, tempPathFor, writeStored } from '../../src/io/corpus-store.js';
import { parseWriteFaults } from '../../src/io/fault.js';
import type { StoredDocument } from '../../src/model.js';
import { makeTempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

const doc = (id: string, body: string): StoredDocument => ({
  id,
  meta: { title: `Title of ${id}`, level: 'local', country: ['NL'] },
  language: 'nl',
  languages: { nl: 1 },
  themes: [],
  contentHash: 'sha256:0',
  taxonomyVersion: 't',
  encoding: 'utf-8',
  body,
  path: join(dir, `${id}.md`),
});

describe('writeStored', () => {
  it('writes a document that reads back the same, leaving no temporary file', async () => {
    await writeStored(dir, doc('a', 'Tekst.\n'));
    expect(readdirSync(dir)).toEqual(['a.md']);
    expect(await readStoredFile(join(dir, 'a.md'))).toEqual(doc('a', 'Tekst.\n'));
  });

  it('on a full disk throws CorpusWriteError, leaves the stored version byte for byte, and no temporary file', async () => {
    await writeStored(dir, doc('a', 'Old text.\n'));
    const before = readFileSync(join(dir, 'a.md'));
    const faults = parseWriteFaults('enospc-after:0');
    const attempt = writeStored(dir, doc('a', `${'New text. '.repeat(1000)}\n`), { faults });
    await expect(attempt).rejects.toThrow(CorpusWriteError);
    await expect(writeStored(dir, doc('b', 'Other.\n'), { faults })).rejects.toThrow(/^cannot write: disk full \(ENOSPC\); nothing written for this document, the stored version \(if any\) is intact$/);
    expect(readdirSync(dir)).toEqual(['a.md']);
    expect(readFileSync(join(dir, 'a.md'))).toEqual(before);
  });

  it('refuses to replace a folder, with a reason', async () => {
    mkdirSync(join(dir, 'x.md'));
    await expect(writeStored(dir, doc('x', 'T.\n'))).rejects.toThrow(/^cannot write: .*nothing written for this document$/);
    expect(readdirSync(dir)).toEqual(['x.md']);
  });
});

describe('temporary files', () => {
  it('are named after the target and the writer, and recognised', () => {
    const name = tempPathFor(dir, 'plan.md').slice(dir.length + 1);
    expect(name).toMatch(new RegExp(`^\\.plan\\.md\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
    expect(isTempFileName(name)).toBe(true);
    expect(isTempFileName('.plan.md')).toBe(false);
    expect(isTempFileName('plan.md')).toBe(false);
  });

  it('are ignored by readers and removed when their writer is gone, not while it runs', async () => {
    await writeStored(dir, doc('a', 'Tekst.\n'));
    writeFileSync(join(dir, '.b.md.424242.0123abcd.tmp'), '---\nid: "b"\n'); // half a document from a killed run
    writeFileSync(join(dir, '.c.md.515151.89abcdef.tmp'), 'a write in progress');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    const listing = await listCorpus(dir);
    expect(listing.documents.map((d) => d.id)).toEqual(['a']);
    expect(listing.problems).toEqual([]);
    expect(await removeLeftoverTemps(dir, (pid) => pid === 515151)).toEqual(['.b.md.424242.0123abcd.tmp']);
    expect(readdirSync(dir).sort()).toEqual(['.c.md.515151.89abcdef.tmp', 'a.md', 'notes.txt']);
  });
});

describe('AIPOLICY_FAULT', () => {
  it('lets N writes through and fails every later one', () => {
    const faults = parseWriteFaults('enospc-after:2')!;
    expect([faults.failsNext(), faults.failsNext(), faults.failsNext(), faults.failsNext()]).toEqual([false, false, true, true]);
  });

  it.each([[undefined], ['']])('is off when unset (%j)', (spec) => {
    expect(parseWriteFaults(spec)).toBeUndefined();
  });

  it('refuses a value it does not know', () => {
    expect(() => parseWriteFaults('eio')).toThrow(UsageError);
  });
});
