import { describe, expect, it } from 'vitest';
import { hashText } from '../../src/core/record.js';
import { checkCorpusDuplicates, checkStoredDocument, sortProblems } from '../../src/core/verify.js';

const context = { taxonomyVersion: 'v1', themeIds: ['data', 'healthcare'] };
const body = 'De zorg deelt data.\n';
const valid = (): Record<string, unknown> => ({
  id: 'doc',
  title: 'Zorgdata',
  level: 'regional',
  country: ['BE'],
  language: 'nl',
  languages: { nl: 1 },
  themes: [{ id: 'data', score: 0.8, passages: 1, terms: ['data'], evidence: [{ passage: 0, start: 0, end: 19, score: 0.8, terms: ['data'] }] }],
  encoding: 'utf-8',
  content_hash: hashText(body),
  taxonomy_version: 'v1',
});

const check = (data: Record<string, unknown>, text = body, name = 'doc.md') => checkStoredDocument(data, text, `c/${name}`, name, context);

describe('checkStoredDocument', () => {
  it('finds nothing wrong with a document as the tool writes it', () => {
    expect(check(valid())).toEqual({ problems: [], document: { file: 'c/doc.md', id: 'doc', bodyHash: hashText(body) } });
  });

  it.each<[string, (d: Record<string, unknown>) => void, string, RegExp]>([
    ['a missing id', (d) => delete d['id'], 'schema', /"id" is missing or not a valid id/],
    ['an id that is a path', (d) => (d['id'] = '../../x'), 'schema', /not a valid id/],
    ['a bad level', (d) => (d['level'] = 'planet'), 'schema', /level "planet" is not one of/],
    ['a bad language', (d) => (d['language'] = 'xx'), 'schema', /"language" is not a language code/],
    ['themes that are not a list', (d) => (d['themes'] = 'data'), 'schema', /"themes" must be a list/],
    ['a missing hash', (d) => delete d['content_hash'], 'schema', /"content_hash" is missing/],
    ['a malformed hash', (d) => (d['content_hash'] = 'md5:abc'), 'schema', /not sha256:<64 hex digits>/],
    ['an unknown key', (d) => (d['notes'] = 'mine'), 'schema', /unknown front matter key "notes" \(refresh would drop it\)/],
    ['a theme outside the taxonomy', (d) => ((d['themes'] as Array<Record<string, unknown>>)[0]!['id'] = 'space'), 'schema', /themes\[0\]: "space" is not a theme/],
    ['a score above 1', (d) => ((d['themes'] as Array<Record<string, unknown>>)[0]!['score'] = 7), 'schema', /score must be a number from 0 to 1/],
    ['a language share that is not a number', (d) => (d['languages'] = { nl: 'most' }), 'schema', /"languages.nl" must be a number/],
    ['an unknown language share', (d) => (d['languages'] = { klingon: 1 }), 'schema', /"klingon", which is not a language code/],
    ['evidence past the body', (d) => ((d['themes'] as Array<{ evidence: Array<Record<string, unknown>> }>)[0]!.evidence[0]!['end'] = 500), 'evidence', /offsets 0–500 are not inside the body \(20 characters\)/],
    ['evidence that is not numbers', (d) => ((d['themes'] as Array<{ evidence: Array<Record<string, unknown>> }>)[0]!.evidence[0]!['start'] = 'x'), 'evidence', /offsets NaN–19/],
    ['another taxonomy version', (d) => (d['taxonomy_version'] = 'v0'), 'stale', /analysed with taxonomy v0, the current one is v1 \(run aipolicy refresh\)/],
  ])('reports %s', (_name, mutate, kind, message) => {
    const data = valid();
    mutate(data);
    const { problems } = check(data);
    expect(problems).toContainEqual({ file: 'c/doc.md', kind, message: expect.stringMatching(message) });
  });

  it('reports a body edited by hand', () => {
    expect(check(valid(), 'De zorg deelt veel data.\n').problems).toEqual([
      { file: 'c/doc.md', kind: 'content-hash', message: expect.stringMatching(/^the body does not match "content_hash"/) },
    ]);
  });

  it('reports a file whose name is not its id', () => {
    expect(check(valid(), body, 'other.md').problems).toEqual([
      { file: 'c/other.md', kind: 'file-name', message: 'file name does not match its id "doc" (expected doc.md)' },
    ]);
  });
});

describe('checkCorpusDuplicates', () => {
  it('reports one id in two files and one text stored twice, naming the first file', () => {
    const problems = checkCorpusDuplicates([
      { file: 'c/b.md', id: 'a', bodyHash: 'h1' },
      { file: 'c/a.md', id: 'a', bodyHash: 'h2' },
      { file: 'c/c.md', id: 'c', bodyHash: 'h2' },
    ]);
    expect(problems).toEqual([
      { file: 'c/b.md', kind: 'duplicate-id', message: 'id "a" is also the id of c/a.md' },
      { file: 'c/c.md', kind: 'duplicate-content', message: 'same text as c/a.md' },
    ]);
  });

  it('finds nothing among distinct documents', () => {
    expect(checkCorpusDuplicates([{ file: 'a', id: 'a', bodyHash: '1' }, { file: 'b', id: 'b', bodyHash: '2' }])).toEqual([]);
  });
});

describe('sortProblems', () => {
  it('orders by file, then kind, then message', () => {
    const sorted = sortProblems([
      { file: 'b', kind: 'stale', message: 'x' },
      { file: 'a', kind: 'stale', message: 'y' },
      { file: 'a', kind: 'content-hash', message: 'z' },
    ]);
    expect(sorted.map((p) => `${p.file}/${p.kind}`)).toEqual(['a/content-hash', 'a/stale', 'b/stale']);
  });
});
