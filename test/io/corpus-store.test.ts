import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusError, CorpusWriteError, UsageError } from '../../src/errors.js';
import { CorpusWriter, eachStored, FLUSH_GROUP, flushToDisk, isTempFileName, listCorpus, readStoredFile, removeLeftoverTemps, tempPathFor, writeStored } from '../../src/io/corpus-store.js';
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

describe('eachStored', () => {
  it('reads a document only when it is asked for: what changes after the first is read as it is then', async () => {
    for (const id of ['a', 'b', 'c']) await writeStored(dir, doc(id, `Tekst ${id}.\n`));
    writeFileSync(join(dir, 'bad.md'), 'no front matter\n');
    const reads = eachStored(dir);
    const first = await reads.next();
    expect(first.value?.document?.id).toBe('a');
    // Read after the first: a deleted file is a problem, an edited one is read as edited.
    rmSync(join(dir, 'b.md'));
    await writeStored(dir, doc('c', 'Tekst c, herzien.\n'));
    const rest = [];
    for await (const read of reads) rest.push(read);
    expect(rest.map((r) => r.document?.id ?? r.problem?.file)).toEqual([join(dir, 'b.md'), join(dir, 'bad.md'), 'c']);
    expect(rest[2]!.document!.body).toBe('Tekst c, herzien.\n');
    // listCorpus gives the same, all at once.
    const listing = await listCorpus(dir);
    expect(listing.documents.map((d) => d.id)).toEqual(['a', 'c']);
    expect(listing.problems.map((p) => p.file)).toEqual([join(dir, 'bad.md')]);
  });
});

describe('CorpusWriter: files flushed to disk in groups', () => {
  // A flush that records the groups it is given and what is already renamed into place at that moment.
  const recording = () => {
    const groups: Array<{ temps: string[]; stored: string[] }> = [];
    const flush = async (folder: string, temps: string[]): Promise<void> => {
      groups.push({ temps: temps.map((t) => t.slice(folder.length + 1)), stored: readdirSync(folder).filter((n) => !isTempFileName(n)) });
      await flushToDisk(folder, temps);
    };
    return { groups, flush };
  };

  it('renames a document into place only after its group is flushed, in the order given', async () => {
    const { groups, flush } = recording();
    const writer = new CorpusWriter(dir, { flush });
    const count = FLUSH_GROUP + 5;
    const ids = Array.from({ length: count }, (_, n) => `d${String(n).padStart(3, '0')}`);
    const order: string[] = [];
    const writes = ids.map((id) => writer.write(id, `---\ntitle: ${id}\n---\nTekst.\n`).then(() => order.push(id)));
    await Promise.all(writes);
    await writer.close();
    expect(order).toEqual(ids);
    expect(groups.map((g) => g.temps.length)).toEqual([FLUSH_GROUP, 5]);
    // Each group was flushed while none of its documents was in place yet.
    expect(groups.flatMap((g) => g.temps).every(isTempFileName)).toBe(true);
    const target = (temp: string): string => temp.slice(1).replace(/\.\d+\.[0-9a-f]{8}\.tmp$/, '');
    expect(groups.map((g) => g.temps.map(target))).toEqual([ids.slice(0, FLUSH_GROUP), ids.slice(FLUSH_GROUP)].map((part) => part.map((id) => `${id}.md`)));
    for (const g of groups) expect(g.stored.filter((name) => g.temps.map(target).includes(name))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(ids.map((id) => `${id}.md`));
  });

  it('flushes a group that does not fill as soon as the caller waits, one write at a time', async () => {
    const { groups, flush } = recording();
    const writer = new CorpusWriter(dir, { flush });
    for (const id of ['a', 'b', 'c']) await writer.write(id, `${id}\n`);
    await writer.close();
    expect(groups.map((g) => g.temps.length)).toEqual([1, 1, 1]);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md', 'c.md']);
  });

  it('fails every document of a group whose flush fails, keeps the stored versions and removes the temporary files', async () => {
    await writeStored(dir, doc('a', 'Old text.\n'));
    const before = readFileSync(join(dir, 'a.md'));
    const writer = new CorpusWriter(dir, { flush: async () => Promise.reject(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })) });
    const results = await Promise.allSettled(['a', 'b'].map((id) => writer.write(id, `new ${id}\n`)));
    await writer.close();
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    for (const r of results) {
      const reason = (r as PromiseRejectedResult).reason as Error;
      expect(reason).toBeInstanceOf(CorpusError);
      expect(reason.message).toMatch(/^cannot write: .*EIO.*; nothing written for this document$/);
    }
    expect(readdirSync(dir)).toEqual(['a.md']);
    expect(readFileSync(join(dir, 'a.md'))).toEqual(before);
  });
});

describe('flushToDisk', () => {
  const written = (count: number): string[] =>
    Array.from({ length: count }, (_, n) => {
      const path = tempPathFor(dir, `f${n}.md`);
      writeFileSync(path, `file ${n}\n`);
      return path;
    });

  it.runIf(process.platform === 'linux')('flushes a large group with one sync -f, a small one file by file', async () => {
    // syncfs flushes the whole file system and never opens the files: a name that is gone goes unseen.
    await expect(flushToDisk(dir, [...written(FLUSH_GROUP - 1), join(dir, 'gone.tmp')])).resolves.toBeUndefined();
    await expect(flushToDisk(dir, written(2))).resolves.toBeUndefined();
    await expect(flushToDisk(dir, [...written(2), join(dir, 'gone.tmp')])).rejects.toThrow(/ENOENT.*gone\.tmp/);
  });

  it.each([['there is no sync command', 'no-such-sync'], ['the sync command fails', 'false']])('falls back to a fsync per file where %s', async (_, command) => {
    const sync = command === 'false' ? command : join(dir, command);
    await expect(flushToDisk(dir, written(20), sync)).resolves.toBeUndefined();
    // A file that is gone cannot be synced: the fallback really opens each file, and says which failed.
    await expect(flushToDisk(dir, [...written(19), join(dir, 'gone.tmp')], sync)).rejects.toThrow(/ENOENT.*gone\.tmp/);
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
