// verify: read every file of a corpus and report every problem, without changing anything.
import { join } from 'node:path';
import { findInvalidUtf8 } from '../core/decode.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { checkCorpusDuplicates, checkStoredDocument, sortProblems, type CheckedDocument, type VerifyContext } from '../core/verify.js';
import { AipolicyError } from '../errors.js';
import type { CorpusProblem, VerifyReport } from '../model.js';
import { LOCK_FILE, readLockState, type LockOwner } from '../io/corpus-lock.js';
import { scanCorpus, type ScannedDocument } from '../io/corpus-scan.js';
import { assertCorpusExists, MAX_STORED_FRONT_MATTER_BYTES } from '../io/corpus-store.js';
import { parseFrontMatter } from '../io/front-matter.js';

/** Options of verify: the taxonomy to compare with, and this process (to tell a stale lock from a running one). */
export interface VerifyOptions {
  taxonomy: Taxonomy;
  owner: LockOwner;
}

/** Returns every problem of the corpus (sorted by file) and how many documents were checked; throws UsageError when there is no corpus folder. */
export async function verifyCorpus(dir: string, options: VerifyOptions): Promise<VerifyReport> {
  await assertCorpusExists(dir);
  const scan = await scanCorpus(dir);
  const context: VerifyContext = { taxonomyVersion: options.taxonomy.version, themeIds: options.taxonomy.themes.map((t) => t.id) };
  const problems: CorpusProblem[] = [];
  const checked: CheckedDocument[] = [];
  for (const file of scan.documents) {
    const result = checkFile(file, context);
    problems.push(...result.problems);
    if (result.document) checked.push(result.document);
  }
  problems.push(...checkCorpusDuplicates(checked));
  for (const temp of scan.temps) {
    if (options.owner.isRunning(temp.pid)) continue; // a write in progress
    problems.push({ file: temp.path, kind: 'temp-file', message: `temporary file left by an interrupted run (pid ${temp.pid}); the next ingest or refresh removes it` });
  }
  const notes: string[] = [];
  if (scan.hasLock) {
    const lock = await readLockState(dir, options.owner);
    if (lock.kind === 'stale') problems.push({ file: join(dir, LOCK_FILE), kind: 'lock', message: `stale lock: ${lock.reason}; the next ingest or refresh takes it over` });
    if (lock.kind === 'held') notes.push(`${join(dir, LOCK_FILE)}: ${lock.holder} is writing to this corpus right now; run verify again when it is done`);
  }
  return { corpus: dir, documents: scan.documents.length, problems: sortProblems(problems), notes, passed: problems.length === 0 };
}

function checkFile(file: ScannedDocument, context: VerifyContext): { problems: CorpusProblem[]; document?: CheckedDocument } {
  const problem = (kind: CorpusProblem['kind'], message: string) => ({ problems: [{ file: file.path, kind, message }] });
  if (file.bytes === undefined) return problem('unreadable', `cannot be read: ${file.error ?? 'unknown error'}`);
  const invalidAt = findInvalidUtf8(file.bytes);
  if (invalidAt !== -1) return problem('encoding', `not UTF-8 (byte ${invalidAt}): the tool writes UTF-8 only, so the file was damaged or replaced`);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes).replace(/\r\n?/g, '\n');
  let parsed;
  try {
    parsed = parseFrontMatter(text, file.path, { maxBytes: MAX_STORED_FRONT_MATTER_BYTES, canonical: true });
  } catch (error) {
    if (!(error instanceof AipolicyError)) throw error;
    return problem('front-matter', error.message);
  }
  if (!parsed.hasFrontMatter) return problem('front-matter', 'no front matter: not a corpus document');
  return checkStoredDocument(parsed.data, parsed.body, file.path, file.name, context);
}
