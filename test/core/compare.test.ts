import { describe, expect, it } from 'vitest';
import { buildCoverage, buildGaps, buildOverlap, checkCoverage, groupDocuments } from '../../src/core/compare.js';
import type { ComparedDocument, Level } from '../../src/model.js';

const doc = (id: string, level: Level | undefined, themes: string[], country?: string[]): ComparedDocument => ({
  id,
  meta: { ...(level ? { level } : {}), ...(country ? { country } : {}) },
  language: 'nl',
  themes: themes.map((t) => ({ id: t, score: 0.9 })),
});
const THEMES = ['data', 'skills', 'mobility'];
const docs = [
  doc('fed-1', 'federal', ['data', 'skills'], ['BE']),
  doc('reg-1', 'regional', ['skills', 'mobility'], ['BE']),
  doc('reg-2', 'regional', ['mobility'], ['BE']),
  doc('eu-1', 'eu', ['data'], ['EU']),
  doc('x', undefined, [], ['BE', 'NL']),
];

describe('groupDocuments', () => {
  it('orders levels from eu down and puts missing values last', () => {
    expect(groupDocuments(docs, 'level').map((g) => g.key)).toEqual(['eu', 'federal', 'regional', '(none)']);
  });
  it('puts a document in every country it names, EU first', () => {
    expect(groupDocuments(docs, 'country').map((g) => [g.key, g.documents.length])).toEqual([['EU', 1], ['BE', 4], ['NL', 1]]);
  });
});

describe('coverage, overlap and gaps', () => {
  const coverage = buildCoverage(docs, THEMES, 'level');
  it('counts documents per theme and group', () => {
    const regional = coverage.groups.findIndex((g) => g.key === 'regional');
    expect(coverage.cells.map((row) => row[regional]!.documents.length)).toEqual([0, 1, 2]);
  });
  it('computes shared themes and Jaccard', () => {
    const overlap = buildOverlap(coverage);
    const fed = coverage.groups.findIndex((g) => g.key === 'federal');
    const reg = coverage.groups.findIndex((g) => g.key === 'regional');
    expect(overlap.cells[fed]![reg]).toEqual({ a: 'federal', b: 'regional', shared: ['skills'], jaccard: 0.33 });
  });
  it('lists the themes the first group covers and the second does not', () => {
    const gaps = buildGaps(coverage).gaps;
    expect(gaps.find((g) => g.from === 'federal' && g.to === 'regional')!.themes).toEqual(['data']);
    expect(gaps.find((g) => g.from === 'regional' && g.to === 'federal')!.themes).toEqual(['mobility']);
  });
  it('names every shortfall of a coverage check', () => {
    const check = checkCoverage(buildCoverage(docs.slice(0, 3), THEMES, 'level', 1), ['data', 'mobility']);
    expect(check.passed).toBe(false);
    expect(check.shortfalls).toEqual([
      { group: 'federal', theme: 'mobility', documents: 0, required: 1 },
      { group: 'regional', theme: 'data', documents: 0, required: 1 },
    ]);
  });
  it('honours --min-docs', () => {
    const check = checkCoverage(buildCoverage(docs.slice(1, 3), THEMES, 'level', 2), ['mobility']);
    expect(check.passed).toBe(true);
    expect(checkCoverage(buildCoverage(docs.slice(1, 3), THEMES, 'level', 3), ['mobility']).passed).toBe(false);
  });
});
