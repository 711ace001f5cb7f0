// Coverage, overlap and gap matrices between groups of documents. Pure: documents in, matrices out.
import type {
  ComparedDocument,
  CoverageCell,
  CoverageCheck,
  CoverageMatrix,
  GapReport,
  Group,
  GroupBy,
  OverlapCell,
  OverlapMatrix,
  Shortfall,
  ThemeId,
} from '../model.js';
import { LEVELS } from './meta.js';

/** Group key used for documents that lack the grouping field. */
export const NO_VALUE = '(none)';

/** Returns the groups of documents, ordered: levels from eu down to local; other keys alphabetically, EU first; missing last. */
export function groupDocuments(documents: ComparedDocument[], by: GroupBy): Group[] {
  const groups = new Map<string, string[]>();
  for (const doc of documents) {
    for (const key of keysOf(doc, by)) {
      const ids = groups.get(key) ?? [];
      ids.push(doc.id);
      groups.set(key, ids);
    }
  }
  const levelOf = new Map(documents.map((d) => [d.id, d.meta.level]));
  return [...groups.entries()]
    .map(([key, ids]) => ({ key, documents: [...ids].sort() }))
    .sort((a, b) => compareKeys(a.key, b.key, by, levelOf));
}

function keysOf(doc: ComparedDocument, by: GroupBy): string[] {
  switch (by) {
    case 'level':
      return [doc.meta.level ?? NO_VALUE];
    case 'country':
      return doc.meta.country && doc.meta.country.length > 0 ? doc.meta.country : [NO_VALUE];
    case 'region':
      return [doc.meta.region ?? NO_VALUE];
    case 'document':
      return [doc.id];
  }
}

function compareKeys(a: string, b: string, by: GroupBy, levelOf: Map<string, string | undefined>): number {
  if (a === b) return 0;
  if (a === NO_VALUE) return 1;
  if (b === NO_VALUE) return -1;
  if (by === 'level') return LEVELS.indexOf(a as never) - LEVELS.indexOf(b as never);
  if (by === 'document') {
    const la = rankLevel(levelOf.get(a));
    const lb = rankLevel(levelOf.get(b));
    if (la !== lb) return la - lb;
  }
  if (by === 'country') {
    if (a === 'EU') return -1;
    if (b === 'EU') return 1;
  }
  return a < b ? -1 : 1;
}

function rankLevel(level: string | undefined): number {
  const i = level === undefined ? -1 : LEVELS.indexOf(level as never);
  return i === -1 ? LEVELS.length : i;
}

/** Returns the theme × group coverage: a group covers a theme when at least `minDocs` of its documents assert it. */
export function buildCoverage(
  documents: ComparedDocument[],
  themes: ThemeId[],
  by: GroupBy,
  minDocs = 1,
): CoverageMatrix {
  const groups = groupDocuments(documents, by);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const cells: CoverageCell[][] = themes.map((theme) =>
    groups.map((group) => {
      const scored = group.documents
        .map((id) => ({ id, score: byId.get(id)!.themes.find((t) => t.id === theme)?.score }))
        .filter((d): d is { id: string; score: number } => d.score !== undefined)
        .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
      return {
        theme,
        group: group.key,
        documents: scored.map((d) => d.id),
        score: scored[0]?.score ?? 0,
        covered: scored.length >= minDocs,
      };
    }),
  );
  return { by, minDocs, themes, groups, cells };
}

/** Returns the themes a group covers, in taxonomy order. */
export function coveredThemes(coverage: CoverageMatrix, groupIndex: number): ThemeId[] {
  return coverage.themes.filter((_, t) => coverage.cells[t]![groupIndex]!.covered);
}

/** Returns the group × group overlap: shared themes and Jaccard index. */
export function buildOverlap(coverage: CoverageMatrix): OverlapMatrix {
  const covered = coverage.groups.map((_, g) => new Set(coveredThemes(coverage, g)));
  const cells: OverlapCell[][] = coverage.groups.map((a, i) =>
    coverage.groups.map((b, j) => {
      const shared = coverage.themes.filter((t) => covered[i]!.has(t) && covered[j]!.has(t));
      const union = coverage.themes.filter((t) => covered[i]!.has(t) || covered[j]!.has(t)).length;
      return { a: a.key, b: b.key, shared, jaccard: union === 0 ? 0 : round(shared.length / union) };
    }),
  );
  return { coverage, cells };
}

/** Returns, for each ordered pair of groups, the themes the first covers and the second does not. */
export function buildGaps(coverage: CoverageMatrix): GapReport {
  const covered = coverage.groups.map((_, g) => new Set(coveredThemes(coverage, g)));
  const gaps = coverage.groups.flatMap((a, i) =>
    coverage.groups
      .map((b, j) => ({ from: a.key, to: b.key, themes: i === j ? [] : [...covered[i]!].filter((t) => !covered[j]!.has(t)), same: i === j }))
      .filter((gap) => !gap.same)
      .map(({ from, to, themes }) => ({ from, to, themes })),
  );
  return { coverage, gaps };
}

/** Returns the shortfalls of a coverage check: every group × required theme with fewer than `minDocs` documents. */
export function checkCoverage(coverage: CoverageMatrix, required: ThemeId[]): CoverageCheck {
  const shortfalls: Shortfall[] = [];
  coverage.groups.forEach((group, g) => {
    for (const theme of required) {
      const t = coverage.themes.indexOf(theme);
      const cell = coverage.cells[t]?.[g];
      const count = cell ? cell.documents.length : 0;
      if (count < coverage.minDocs) {
        shortfalls.push({ group: group.key, theme, documents: count, required: coverage.minDocs });
      }
    }
  });
  return { coverage, required, shortfalls, passed: shortfalls.length === 0 };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
