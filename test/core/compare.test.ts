import { describe, expect, it } from 'vitest';
import { findLost } from '../../src/core/baseline.js';
import { buildCoverage, buildGaps, buildOverlap, checkCoverage, groupDocuments, strengthOf } from '../../src/core/compare.js';
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

describe('buildCoverage placing documents', () => {
  it('counts a theme listed twice once, with its first score, and a country named twice once', () => {
    const twice: ComparedDocument = {
      id: 'twice',
      meta: { level: 'national', country: ['NL', 'NL', 'BE'] },
      language: 'nl',
      themes: [{ id: 'data', score: 0.4 }, { id: 'data', score: 0.95 }, { id: 'skills', score: 0.9 }],
    };
    const coverage = buildCoverage([twice, doc('other', 'national', ['data'], ['NL'])], THEMES, 'country');
    expect(coverage.groups.map((g) => g.key)).toEqual(['BE', 'NL']);
    const [be, nl] = [0, 1];
    expect(coverage.cells[0]![nl]!.documents).toEqual(['other', 'twice']);
    expect(coverage.cells[0]![be]!).toMatchObject({ documents: ['twice'], score: 0.4 });
    expect(coverage.cells[1]!.map((cell) => cell.documents)).toEqual([['twice'], ['twice']]);
  });
});

describe('documents in id order, each id once (as an index gives them), and in any other order', () => {
  // A small seeded generator: the same documents on every run.
  let state = 7;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const levels: Level[] = ['eu', 'national', 'federal', 'regional', 'local'];
  const countries = [['BE'], ['NL'], ['BE', 'NL', 'LU'], ['LU', 'LU'], []];
  // Scores rounded to three decimals and not, ties, 1 and above, 0 and below: every bucket case.
  const scores = [1, 1.2, 0, -0.1, 0.5, 0.5, 0.5004, 0.5009, 0.5001, 0.999, 0.0004, 0.73];
  const many: ComparedDocument[] = Array.from({ length: 1000 }, (_, i) => ({
    id: `d-${String(i).padStart(3, '0')}`,
    meta: { level: levels[Math.floor(random() * levels.length)]!, country: countries[Math.floor(random() * countries.length)]! },
    language: 'nl',
    themes: THEMES.filter(() => random() < 0.7).map((t) => ({ id: t, score: scores[Math.floor(random() * scores.length)]! })),
  }));
  const shuffled = [...many].sort(() => random() - 0.5);

  it('groups and places them the same way', () => {
    for (const by of ['level', 'country'] as const) {
      expect(groupDocuments(shuffled, by)).toEqual(groupDocuments(many, by));
      expect(buildCoverage(shuffled, THEMES, by, 2, 0.2)).toEqual(buildCoverage(many, THEMES, by, 2, 0.2));
    }
  });

  it('orders each cell by score, strongest first, ties by id', () => {
    const coverage = buildCoverage(many, THEMES, 'level');
    coverage.cells.forEach((row, t) =>
      row.forEach((cell) => {
        const group = new Set(coverage.groups.find((g) => g.key === cell.group)!.documents);
        const expected = many
          .filter((d) => group.has(d.id) && d.themes.some((h) => h.id === THEMES[t]))
          .map((d) => ({ id: d.id, score: d.themes.find((h) => h.id === THEMES[t])!.score }))
          .filter((d) => d.score >= 0)
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
          .map((d) => d.id);
        expect(cell.documents).toEqual(expected);
      }),
    );
    expect(Math.max(...coverage.cells.flat().map((c) => c.documents.length))).toBeGreaterThan(64);
  });

  it('counts an id listed twice once, with its last document, whatever the order', () => {
    const again = { ...many[5]!, meta: { level: 'eu' as Level, country: ['EU'] }, themes: [{ id: 'skills', score: 0.9 }] };
    const twice = [...many, again];
    const coverage = buildCoverage(twice, THEMES, 'level');
    expect(coverage.groups[0]).toEqual({ key: 'eu', documents: [...many.filter((d) => d.meta.level === 'eu').map((d) => d.id), again.id].sort() });
    const skills = coverage.cells[THEMES.indexOf('skills')]!;
    expect(skills.flatMap((c) => c.documents).filter((id) => id === again.id)).toHaveLength(1);
    expect(buildCoverage([again, ...shuffled], THEMES, 'level').cells[THEMES.indexOf('skills')]!.flatMap((c) => c.documents).filter((id) => id === again.id)).toHaveLength(1);
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
      { group: 'federal', theme: 'mobility', documents: 0, required: 1, kind: 'missing', score: 0 },
      { group: 'regional', theme: 'data', documents: 0, required: 1, kind: 'missing', score: 0 },
    ]);
  });
  it('honours --min-docs', () => {
    const check = checkCoverage(buildCoverage(docs.slice(1, 3), THEMES, 'level', 2), ['mobility']);
    expect(check.passed).toBe(true);
    expect(checkCoverage(buildCoverage(docs.slice(1, 3), THEMES, 'level', 3), ['mobility']).passed).toBe(false);
  });
});

const evidence = (text: string, score: number) => ({ text, terms: ['x'], start: 0, end: text.length, passage: 0, score });
const full = (id: string, meta: ComparedDocument['meta'], themes: Array<[string, number]>): ComparedDocument => ({
  id,
  meta,
  language: 'nl',
  themes: themes.map(([t, score]) => ({ id: t, score, evidence: evidence(`${id} on ${t}`, score) })),
});
const rich = [
  full('eu-doc', { level: 'eu', country: ['EU'], date: '2020-02', publisher: 'Commission' }, [['data', 0.95]]),
  full('flanders-doc', { level: 'regional', country: ['BE'], region: 'Flanders', date: '2022', publisher: 'AWV' }, [['mobility', 0.6], ['data', 0.7]]),
  full('amsterdam-doc', { level: 'local', country: ['NL'], region: 'Amsterdam', date: '2019-10-08', publisher: 'Gemeente Amsterdam' }, [['mobility', 0.99]]),
  full('brussels-doc', { level: 'regional', country: ['BE'], region: 'Brussels', publisher: 'AWV' }, [['mobility', 0.85]]),
];

describe('grouping by every field', () => {
  it.each([
    ['year', ['2019', '2020', '2022', '(none)']],
    ['publisher', ['Commission', 'AWV', 'Gemeente Amsterdam']],
    ['region', ['Brussels', 'Flanders', 'Amsterdam', '(none)']],
    ['document', ['eu-doc', 'brussels-doc', 'flanders-doc', 'amsterdam-doc']],
    ['country', ['EU', 'BE', 'NL']],
    ['level', ['eu', 'regional', 'local']],
  ] as const)('--by %s orders groups from eu down to local', (by, keys) => {
    expect(groupDocuments(rich, by).map((g) => g.key)).toEqual(keys);
  });
});

describe('coverage cells', () => {
  const coverage = buildCoverage(rich, THEMES, 'level');
  const cell = (theme: string, group: string) => coverage.cells[THEMES.indexOf(theme)]![coverage.groups.findIndex((g) => g.key === group)]!;
  it.each([
    ['data', 'eu', 'strong', 0.95, 1],
    ['mobility', 'regional', 'strong', 0.85, 2],
    ['data', 'regional', 'weak', 0.7, 1],
    ['skills', 'regional', 'none', 0, 0],
  ] as const)('%s × %s is %s with score %s and %s documents', (theme, group, strength, score, count) => {
    expect(cell(theme, group)).toMatchObject({ strength, score, covered: count > 0 });
    expect(cell(theme, group).documents).toHaveLength(count);
  });
  it('carries the strongest passage of each document, strongest document first', () => {
    expect(cell('mobility', 'regional').evidence.map((e) => [e.document, e.text])).toEqual([
      ['brussels-doc', 'brussels-doc on mobility'],
      ['flanders-doc', 'flanders-doc on mobility'],
    ]);
  });
  it('--min-score drops weaker documents from counts, strength and evidence', () => {
    const strict = buildCoverage(rich, THEMES, 'level', 1, 0.8);
    const row = strict.cells[THEMES.indexOf('mobility')]!;
    const regional = row[strict.groups.findIndex((g) => g.key === 'regional')]!;
    expect(regional.documents).toEqual(['brussels-doc']);
    expect(strict.cells[THEMES.indexOf('data')]![strict.groups.findIndex((g) => g.key === 'regional')]!).toMatchObject({ covered: false, strength: 'none' });
    expect(strengthOf(0.8, 1)).toBe('strong');
    expect(strengthOf(0.79, 1)).toBe('weak');
  });
  it('--min-docs leaves a cell uncovered but keeps its strength', () => {
    const two = buildCoverage(rich, THEMES, 'level', 2);
    expect(two.cells[THEMES.indexOf('data')]![0]).toMatchObject({ covered: false, strength: 'strong' });
  });
});

describe('overlap with a theme', () => {
  it('pairs every two groups covering it with the passages on both sides', () => {
    const overlap = buildOverlap(buildCoverage(rich, THEMES, 'level'), 'mobility');
    expect(overlap.passages!.pairs.map((p) => [p.a, p.b, p.aEvidence.map((e) => e.document), p.bEvidence.map((e) => e.document)])).toEqual([
      ['regional', 'local', ['brussels-doc', 'flanders-doc'], ['amsterdam-doc']],
    ]);
  });
});

describe('coverage check against a baseline', () => {
  it('names a lost theme once, as lost, and a group that disappeared', () => {
    const coverage = buildCoverage(docs.slice(0, 3), THEMES, 'level');
    const lost = findLost(coverage, {
      by: 'level',
      covered: [
        { group: 'regional', themes: ['data', 'skills'] },
        { group: 'local', themes: ['mobility'] },
      ],
    });
    const check = checkCoverage(coverage, ['data'], lost, 'base.json');
    expect(check.shortfalls.map((s) => [s.group, s.theme, s.kind])).toEqual([
      ['regional', 'data', 'lost'],
      ['local', 'mobility', 'lost'],
    ]);
    expect(check).toMatchObject({ passed: false, baseline: 'base.json' });
  });
  it('passes when nothing required is missing and nothing was lost', () => {
    const coverage = buildCoverage(docs.slice(0, 3), THEMES, 'level');
    expect(checkCoverage(coverage, ['skills'], findLost(coverage, { by: 'level', covered: [{ group: 'regional', themes: ['mobility'] }] })).passed).toBe(true);
  });
});

describe('large cells', () => {
  // Cells of 64 documents or more are ordered by bucketing scores: the order must be the plain one.
  const scores = [1, 0.999, 0.9995, 0.5, 0.5, 0.123456, 0.0004, 0, 1.2, 0.81, 0.8, 0.7999];
  const many: ComparedDocument[] = Array.from({ length: 300 }, (_, i) => ({
    id: `doc-${String((i * 7919) % 300).padStart(3, '0')}`,
    meta: { level: i % 3 === 0 ? 'federal' : 'regional', country: ['BE'] },
    language: 'nl',
    themes: [{ id: 'data', score: scores[i % scores.length]!, ...(i % 4 === 0 ? {} : { evidence: { text: 't', terms: [], start: 0, end: 1, passage: i, score: 0.5 } }) }],
  }));

  it('lists a cell\'s documents strongest first, ties by id, and cites the strongest with evidence', () => {
    const coverage = buildCoverage(many, ['data'], 'level', 1, 0, 'strongest');
    coverage.groups.forEach((group, g) => {
      const members = many.filter((d) => d.meta.level === group.key);
      const expected = [...members].sort((a, b) => b.themes[0]!.score - a.themes[0]!.score || (a.id < b.id ? -1 : 1));
      const cell = coverage.cells[0]![g]!;
      expect(cell.documents).toEqual(expected.map((d) => d.id));
      expect(cell.score).toBe(expected[0]!.themes[0]!.score);
      const cited = expected.find((d) => d.themes[0]!.evidence)!;
      expect(cell.evidence).toHaveLength(1);
      expect(cell.evidence[0]!.document).toBe(cited.id);
    });
  });

  it('keeps every passage of the theme asked for, in the same order', () => {
    const coverage = buildCoverage(many, ['data'], 'level', 1, 0, { theme: 'data' });
    const cell = coverage.cells[0]![0]!;
    expect(cell.evidence.map((e) => e.document)).toEqual(cell.documents.filter((id) => many.find((d) => d.id === id)!.themes[0]!.evidence));
  });
});
