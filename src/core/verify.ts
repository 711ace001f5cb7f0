// Checks of stored corpus documents, one at a time and across the corpus: schema, hashes, staleness,
// evidence offsets, file names, duplicates. Pure: the files are read and parsed by the caller.
import { AipolicyError } from '../errors.js';
import type { CorpusProblem, CorpusProblemKind } from '../model.js';
import { fromFrontMatter, hashText } from './record.js';

/** What the checks compare stored documents with: the taxonomy in use. */
export interface VerifyContext {
  taxonomyVersion: string;
  themeIds: readonly string[];
}

/** A stored document that passed parsing, as the cross-corpus checks need it. */
export interface CheckedDocument {
  file: string;
  id: string;
  /** Hash of the body as it is now (not as declared). */
  bodyHash: string;
}

/** Front matter keys the tool writes; anything else would be dropped by `refresh`. */
export const STORED_KEYS: readonly string[] = [
  'id', 'title', 'level', 'country', 'region', 'date', 'publisher', 'source', 'language', 'language_hint',
  'languages', 'themes', 'encoding', 'pages', 'content_hash', 'taxonomy_version',
];
const LANGUAGE_CODES: readonly string[] = ['nl', 'fr', 'de', 'en', 'lb', 'und'];
const HASH = /^sha256:[0-9a-f]{64}$/;

/** Returns the problems of one stored document (front matter data and body) and, when it can be read as a document, what the cross-checks need. */
export function checkStoredDocument(
  data: Record<string, unknown>,
  body: string,
  file: string,
  name: string,
  context: VerifyContext,
): { problems: CorpusProblem[]; document?: CheckedDocument } {
  const problems: CorpusProblem[] = [];
  const add = (kind: CorpusProblemKind, message: string): void => {
    problems.push({ file, kind, message });
  };
  for (const key of Object.keys(data)) {
    if (!STORED_KEYS.includes(key)) add('schema', `unknown front matter key "${key}" (refresh would drop it)`);
  }
  let doc;
  try {
    doc = fromFrontMatter(data, body, file);
  } catch (error) {
    if (!(error instanceof AipolicyError)) throw error;
    add('schema', error.message);
    return { problems };
  }
  if (name !== `${doc.id}.md`) add('file-name', `file name does not match its id "${doc.id}" (expected ${doc.id}.md)`);
  const bodyHash = hashText(body);
  if (!HASH.test(doc.contentHash)) add('schema', `"content_hash" is not sha256:<64 hex digits>`);
  else if (doc.contentHash !== bodyHash) add('content-hash', 'the body does not match "content_hash": edited by hand or damaged (run aipolicy refresh if the edit is wanted)');
  if (doc.taxonomyVersion !== context.taxonomyVersion) {
    add('stale', `analysed with taxonomy ${doc.taxonomyVersion}, the current one is ${context.taxonomyVersion} (run aipolicy refresh)`);
  }
  for (const [code, share] of Object.entries(doc.languages)) {
    if (!LANGUAGE_CODES.includes(code)) add('schema', `"languages" has "${code}", which is not a language code`);
    else if (!isShare(share)) add('schema', `"languages.${code}" must be a number from 0 to 1`);
  }
  problems.push(...checkThemes(doc.themes, body.length, file, context));
  return { problems, document: { file, id: doc.id, bodyHash } };
}

function checkThemes(themes: ReturnType<typeof fromFrontMatter>['themes'], bodyLength: number, file: string, context: VerifyContext): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  const seen = new Set<string>();
  themes.forEach((theme, t) => {
    const where = `themes[${t}]`;
    if (!context.themeIds.includes(theme.id)) problems.push({ file, kind: 'schema', message: `${where}: "${theme.id}" is not a theme of the taxonomy` });
    if (seen.has(theme.id)) problems.push({ file, kind: 'schema', message: `${where}: theme "${theme.id}" is listed twice` });
    seen.add(theme.id);
    if (!isShare(theme.score)) problems.push({ file, kind: 'schema', message: `${where}: score must be a number from 0 to 1` });
    theme.evidence.forEach((e, i) => {
      const ok = Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start < e.end && e.end <= bodyLength;
      if (!ok) problems.push({ file, kind: 'evidence', message: `${where}.evidence[${i}]: offsets ${e.start}–${e.end} are not inside the body (${bodyLength} characters)` });
      if (!isShare(e.score)) problems.push({ file, kind: 'evidence', message: `${where}.evidence[${i}]: score must be a number from 0 to 1` });
    });
  });
  return problems;
}

function isShare(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/** Returns the problems between documents: one id in two files, one text stored twice. */
export function checkCorpusDuplicates(documents: readonly CheckedDocument[]): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  const byId = new Map<string, string>();
  const byHash = new Map<string, string>();
  for (const doc of [...documents].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const sameId = byId.get(doc.id);
    if (sameId !== undefined) problems.push({ file: doc.file, kind: 'duplicate-id', message: `id "${doc.id}" is also the id of ${sameId}` });
    else byId.set(doc.id, doc.file);
    const sameText = byHash.get(doc.bodyHash);
    if (sameText !== undefined) problems.push({ file: doc.file, kind: 'duplicate-content', message: `same text as ${sameText}` });
    else byHash.set(doc.bodyHash, doc.file);
  }
  return problems;
}

/** Returns problems sorted by file, then kind, then message: a stable report. */
export function sortProblems(problems: readonly CorpusProblem[]): CorpusProblem[] {
  const key = (p: CorpusProblem): string => `${p.file}\u0000${p.kind}\u0000${p.message}`;
  return [...problems].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
