// The corpus as committed at a git revision, read with `git ls-tree` and `git cat-file` (nothing is checked out).
import { spawn } from 'node:child_process';
import { CorpusError, UsageError } from '../errors.js';
import type { StoredDocument } from '../model.js';
import { isDocumentFileName } from './corpus-listing.js';
import { assertCorpusExists, parseStoredText, type CorpusListing } from './corpus-store.js';

/** Returns the documents of the corpus folder `dir` as committed at `revision`, sorted by id; unreadable files as problems. */
export async function listCorpusAtRevision(dir: string, revision: string): Promise<CorpusListing> {
  if (revision === '' || revision.startsWith('-') || /[\s\u0000]/.test(revision)) {
    throw new UsageError(`--since "${revision}" is not a git revision`);
  }
  await assertCorpusExists(dir);
  const commit = await runGit(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]).catch(() => undefined);
  if (commit === undefined) {
    throw new UsageError(`--since ${revision}: no such revision in the git repository of ${dir} (or ${dir} is not in a git repository)`);
  }
  const oid = commit.toString('utf8').trim();
  // Non-recursive listing of the folder itself, names relative to it: the corpus is one flat folder.
  const listing = (await runGit(dir, ['ls-tree', '-z', oid, '--', '.'])).toString('utf8');
  const blobs = listing
    .split('\u0000')
    .filter((line) => line !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      const [, type, blob] = line.slice(0, tab).split(' ');
      return { type, blob: blob!, name: line.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob' && isDocumentFileName(e.name) && !e.name.includes('/'))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const contents = blobs.length === 0 ? [] : parseBatch(await runGit(dir, ['cat-file', '--batch'], blobs.map((b) => b.blob).join('\n') + '\n'));
  const documents: StoredDocument[] = [];
  const problems: CorpusError[] = [];
  blobs.forEach((entry, i) => {
    const path = `${revision}:${dir.replace(/\/+$/, '')}/${entry.name}`;
    try {
      documents.push(parseStoredText(contents[i]!.toString('utf8').replace(/^\uFEFF/, ''), path));
    } catch (error) {
      problems.push(error instanceof CorpusError ? error : new CorpusError(path, error instanceof Error ? error.message : String(error)));
    }
  });
  return { documents, problems };
}

/** Splits `git cat-file --batch` output: `<oid> blob <size>\n<bytes>\n` per object. */
function parseBatch(output: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  while (at < output.length) {
    const eol = output.indexOf(0x0a, at);
    const header = output.subarray(at, eol).toString('utf8').split(' ');
    const size = Number(header[2]);
    if (header[1] !== 'blob' || !Number.isInteger(size)) throw new CorpusError('git', `unexpected git cat-file output: ${header.join(' ')}`);
    out.push(output.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return out;
}

function runGit(cwd: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotepath=off', ...args], { cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', (error) => reject(new UsageError(`cannot run git: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(chunks));
      else reject(new UsageError(`git ${args[0]} failed: ${Buffer.concat(errors).toString('utf8').trim().split('\n')[0] ?? ''}`));
    });
    if (input !== undefined) {
      // git may exit before reading everything (a bad object): the close handler reports that, not EPIPE.
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(input);
    }
  });
}
