// Coverage, overlap and gap matrices between groups of documents. Pure: documents in, matrices out.
import type {
  CellEvidence,
  ComparedDocument,
  CoverageCell,
  CoverageCheck,
  CoverageMatrix,
  GapDetail,
  GapReport,
  Group,
  GroupBy,
  OverlapCell,
  OverlapMatrix,
  OverlapPassages,
  Shortfall,
  Strength,
  ThemeId,
} from '../model.js';
import { groupDocuments } from './group.js';

export { NO_VALUE, groupDocuments } from './group.js';

/** A cell is `strong` when its best document scores at least this (about two supporting passages), `weak` below. */
export const STRONG_SCORE = 0.8;

/** Returns the strength of a score: none without documents, strong at STRONG_SCORE or more, weak otherwise. */
export function strengthOf(score: number, documents: number): Strength {
  if (documents === 0) return 'none';
  return score >= STRONG_SCORE ? 'strong' : 'weak';
}

/**
 * Returns the theme × group coverage: a document counts for a theme when it asserts it with a score of at
 * least `minScore`; a group covers the theme when at least `minDocs` of its documents count.
 */
export function buildCoverage(
  documents: ComparedDocument[],
  themes: ThemeId[],
  by: GroupBy,
  minDocs = 1,
  minScore = 0,
): CoverageMatrix {
  const groups = groupDocuments(documents, by);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const cells: CoverageCell[][] = themes.map((theme) => groups.map((group) => buildCell(group, theme, byId, minDocs, minScore)));
  return { by, minDocs, minScore, themes, groups, cells };
}

function buildCell(group: Group, theme: ThemeId, byId: Map<string, ComparedDocument>, minDocs: number, minScore: number): CoverageCell {
  const scored = group.documents
    .map((id) => ({ doc: byId.get(id)!, hit: byId.get(id)!.themes.find((t) => t.id === theme) }))
    .filter((d) => d.hit !== undefined && d.hit.score >= minScore)
    .sort((x, y) => y.hit!.score - x.hit!.score || (x.doc.id < y.doc.id ? -1 : 1));
  const evidence: CellEvidence[] = scored.flatMap(({ doc, hit }) =>
    hit!.evidence ? [{ ...hit!.evidence, document: doc.id, ...(doc.meta.title === undefined ? {} : { title: doc.meta.title }) }] : [],
  );
  const score = scored[0]?.hit!.score ?? 0;
  return {
    theme,
    group: group.key,
    documents: scored.map((d) => d.doc.id),
    score,
    covered: scored.length >= minDocs,
    strength: strengthOf(score, scored.length),
    evidence,
  };
}

/** Returns the themes a group covers, in taxonomy order. */
export function coveredThemes(coverage: CoverageMatrix, groupIndex: number): ThemeId[] {
  return coverage.themes.filter((_, t) => coverage.cells[t]![groupIndex]!.covered);
}

/** Returns the group × group overlap: shared themes and Jaccard index; with a theme, the passages on both sides. */
export function buildOverlap(coverage: CoverageMatrix, theme?: ThemeId): OverlapMatrix {
  const covered = coverage.groups.map((_, g) => new Set(coveredThemes(coverage, g)));
  const cells: OverlapCell[][] = coverage.groups.map((a, i) =>
    coverage.groups.map((b, j) => {
      const shared = coverage.themes.filter((t) => covered[i]!.has(t) && covered[j]!.has(t));
      const union = coverage.themes.filter((t) => covered[i]!.has(t) || covered[j]!.has(t)).length;
      return { a: a.key, b: b.key, shared, jaccard: union === 0 ? 0 : round(shared.length / union) };
    }),
  );
  return theme === undefined ? { coverage, cells } : { coverage, cells, passages: buildOverlapPassages(coverage, theme) };
}

/** Returns, for every unordered pair of groups that both cover the theme, the evidence passages of each side. */
export function buildOverlapPassages(coverage: CoverageMatrix, theme: ThemeId): OverlapPassages {
  const row = coverage.cells[coverage.themes.indexOf(theme)] ?? [];
  const pairs: OverlapPassages['pairs'] = [];
  row.forEach((a, i) => {
    row.forEach((b, j) => {
      if (j > i && a.covered && b.covered) pairs.push({ a: a.group, b: b.group, aEvidence: a.evidence, bEvidence: b.evidence });
    });
  });
  return { theme, pairs };
}

/** Marks one theme a group lacks: a real gap, or why not (see core/competence.ts). */
export type GapMarker = (lacking: Group, theme: ThemeId) => Omit<GapDetail, 'theme'>;

const UNMARKED: GapMarker = () => ({ status: 'real gap', reason: 'no competence data' });

/** Returns, for each ordered pair of groups, the themes the first covers and the second does not, each marked. */
export function buildGaps(coverage: CoverageMatrix, mark: GapMarker = UNMARKED, competenceVersion = 'none'): GapReport {
  const covered = coverage.groups.map((_, g) => new Set(coveredThemes(coverage, g)));
  const marks = new Map<string, Omit<GapDetail, 'theme'>>();
  const markOf = (to: Group, theme: ThemeId): Omit<GapDetail, 'theme'> => {
    const key = `${to.key}\u0000${theme}`;
    if (!marks.has(key)) marks.set(key, mark(to, theme));
    return marks.get(key)!;
  };
  const gaps = coverage.groups.flatMap((a, i) =>
    coverage.groups.flatMap((b, j) => {
      if (i === j) return [];
      const themes = [...covered[i]!].filter((t) => !covered[j]!.has(t));
      return [{ from: a.key, to: b.key, themes, details: themes.map((theme) => ({ theme, ...markOf(b, theme) })) }];
    }),
  );
  return { coverage, gaps, competenceVersion };
}

/**
 * Returns the result of a coverage check: every group × required theme with fewer than `minDocs`
 * counting documents, and every `lost` shortfall found against a baseline (one line per cell, `lost` first).
 */
export function checkCoverage(coverage: CoverageMatrix, required: ThemeId[], lost: Shortfall[] = [], baseline?: string): CoverageCheck {
  const lostKeys = new Set(lost.map((s) => `${s.group}\u0000${s.theme}`));
  const missing: Shortfall[] = [];
  coverage.groups.forEach((group, g) => {
    for (const theme of required) {
      const cell = coverage.cells[coverage.themes.indexOf(theme)]?.[g];
      const count = cell ? cell.documents.length : 0;
      if (count < coverage.minDocs && !lostKeys.has(`${group.key}\u0000${theme}`)) {
        missing.push({ group: group.key, theme, documents: count, required: coverage.minDocs, kind: 'missing', score: cell?.score ?? 0 });
      }
    }
  });
  const order = (s: Shortfall): [number, number] => {
    const g = coverage.groups.findIndex((x) => x.key === s.group);
    // Groups the baseline had and the corpus no longer has come last, in the baseline's order.
    return [g === -1 ? coverage.groups.length + lost.findIndex((x) => x.group === s.group) : g, coverage.themes.indexOf(s.theme)];
  };
  const shortfalls = [...missing, ...lost].sort((x, y) => {
    const [gx, tx] = order(x);
    const [gy, ty] = order(y);
    return gx - gy || tx - ty;
  });
  return { coverage, required, shortfalls, passed: shortfalls.length === 0, ...(baseline === undefined ? {} : { baseline }) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
