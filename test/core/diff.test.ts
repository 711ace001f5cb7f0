import { describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/core/baseline.js';
import { diffSnapshots } from '../../src/core/diff.js';
import type { ComparedDocument } from '../../src/model.js';

const THEMES = ['data', 'skills', 'mobility'];
const doc = (id: string, level: ComparedDocument['meta']['level'], themes: string[]): ComparedDocument => ({
  id,
  meta: { level, country: ['BE'] },
  language: 'nl',
  themes: themes.map((t) => ({ id: t, score: 0.9 })),
});
const options = { themes: THEMES, by: 'level' as const, minDocs: 1, minScore: 0 };

describe('diffSnapshots', () => {
  const before = [doc('a', 'federal', ['data']), doc('b', 'regional', ['skills']), doc('c', 'regional', ['mobility']), doc('d', 'local', ['data'])];
  const after = [doc('a', 'federal', ['data', 'mobility']), doc('b', 'federal', ['skills']), doc('e', 'local', ['skills'])];
  const diff = diffSnapshots({ label: 'old', documents: before }, { label: 'new', documents: after }, options);

  it('names the documents added and removed', () => {
    expect(diff.added).toEqual(['e']);
    expect(diff.removed).toEqual(['c', 'd']);
  });

  it('lists per group the themes gained and lost, with the documents and causes', () => {
    expect(diff.changes.map((c) => [c.group, c.theme, c.change, c.documents.map((d) => `${d.id}:${d.cause}`)])).toEqual([
      ['federal', 'skills', 'gained', ['b:regrouped']],
      ['federal', 'mobility', 'gained', ['a:retagged']],
      ['regional', 'skills', 'lost', ['b:regrouped']],
      ['regional', 'mobility', 'lost', ['c:removed']],
      ['local', 'data', 'lost', ['d:removed']],
      ['local', 'skills', 'gained', ['e:added']],
    ]);
  });

  it('finds nothing between a snapshot and itself', () => {
    expect(diffSnapshots({ label: 'x', documents: before }, { label: 'y', documents: before }, options).changes).toEqual([]);
  });
});

describe('parseBaseline', () => {
  it('reads the covered cells of a coverage JSON output', () => {
    const json = { by: 'level', coverage: [{ theme: 'data', cells: [{ group: 'eu', covered: true }, { group: 'local', covered: false }] }] };
    expect(parseBaseline(json, 'b.json')).toEqual({ by: 'level', covered: [{ group: 'eu', themes: ['data'] }, { group: 'local', themes: [] }] });
  });
  it.each([
    [[], 'not a JSON object'],
    [{ coverage: [] }, 'no "by"'],
    [{ by: 'level' }, 'no "coverage" list'],
    [{ by: 'level', coverage: [{ theme: 'data' }] }, 'coverage[0] needs "theme" and "cells"'],
    [{ by: 'level', coverage: [{ theme: 'data', cells: [{ group: 'eu' }] }] }, 'coverage[0].cells need "group" and "covered"'],
  ])('refuses %j', (json, message) => {
    expect(() => parseBaseline(json, 'b.json')).toThrow(message);
  });
});
