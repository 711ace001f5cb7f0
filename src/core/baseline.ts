// A previous `coverage --format json` output as a baseline: which group covered which theme. Pure.
import { InputError } from '../errors.js';
import type { CoverageMatrix, DocumentFilter, Shortfall, ThemeId } from '../model.js';
import { describeFilter } from './filter.js';

/** What a baseline says: the grouping and, per group in its order, the themes it covered. */
export interface Baseline {
  by: string;
  /** The filters the baseline was made with (`field=a,b`), when its manifest records them. */
  filters?: string[];
  /** The thresholds it was made with, when recorded. */
  minDocs?: number;
  minScore?: number;
  covered: Array<{ group: string; themes: ThemeId[] }>;
}

/** Returns the baseline read from parsed JSON; throws InputError naming the file when it is not a coverage JSON output. */
export function parseBaseline(data: unknown, file: string): Baseline {
  const fail = (message: string): never => {
    throw new InputError(file, `not a baseline (expected the output of aipolicy coverage --format json): ${message}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('not a JSON object');
  const record = data as Record<string, unknown>;
  if (typeof record['by'] !== 'string') fail('no "by"');
  if (!Array.isArray(record['coverage'])) fail('no "coverage" list');
  const groups = new Map<string, ThemeId[]>();
  for (const [i, row] of (record['coverage'] as unknown[]).entries()) {
    const r = row as Record<string, unknown> | null;
    if (typeof r !== 'object' || r === null || typeof r['theme'] !== 'string' || !Array.isArray(r['cells'])) {
      fail(`coverage[${i}] needs "theme" and "cells"`);
    }
    for (const cell of r!['cells'] as unknown[]) {
      const c = cell as Record<string, unknown> | null;
      if (typeof c !== 'object' || c === null || typeof c['group'] !== 'string' || typeof c['covered'] !== 'boolean') {
        fail(`coverage[${i}].cells need "group" and "covered"`);
      }
      const themes = groups.get(c!['group'] as string) ?? [];
      if (c!['covered'] === true) themes.push(r!['theme'] as string);
      groups.set(c!['group'] as string, themes);
    }
  }
  const manifest = record['manifest'] as Record<string, unknown> | undefined;
  const filters = Array.isArray(manifest?.['filters']) ? (manifest['filters'] as DocumentFilter[]).map(describeFilter) : undefined;
  return {
    by: record['by'] as string,
    ...(filters === undefined ? {} : { filters }),
    ...(typeof record['minDocs'] === 'number' ? { minDocs: record['minDocs'] } : {}),
    ...(typeof record['minScore'] === 'number' ? { minScore: record['minScore'] } : {}),
    covered: [...groups.entries()].map(([group, themes]) => ({ group, themes })),
  };
}

/** Returns why a baseline cannot be compared with a check (other grouping, filters or thresholds), or undefined when it can. */
export function describeBaselineMismatch(baseline: Baseline, coverage: CoverageMatrix, filters: DocumentFilter[]): string | undefined {
  const by = coverage.by;
  if (baseline.by !== by) return `it groups by ${baseline.by}, this check by ${by} (pass --by ${baseline.by})`;
  if (baseline.minDocs !== undefined && baseline.minDocs !== coverage.minDocs) return `it was made with --min-docs ${baseline.minDocs}, this check has ${coverage.minDocs}`;
  if (baseline.minScore !== undefined && baseline.minScore !== coverage.minScore) return `it was made with --min-score ${baseline.minScore}, this check has ${coverage.minScore}`;
  const now = filters.map(describeFilter);
  if (baseline.filters !== undefined && baseline.filters.join(' ') !== now.join(' ')) {
    const said = (list: string[]): string => (list.length === 0 ? 'no filter' : list.join(' and '));
    return `it was made with ${said(baseline.filters)}, this check has ${said(now)}`;
  }
  return undefined;
}

/** Returns a `lost` shortfall for every group × theme the baseline covered and the coverage does not. */
export function findLost(coverage: CoverageMatrix, baseline: Baseline): Shortfall[] {
  const lost: Shortfall[] = [];
  for (const { group, themes } of baseline.covered) {
    const g = coverage.groups.findIndex((x) => x.key === group);
    for (const theme of themes) {
      const cell = g === -1 ? undefined : coverage.cells[coverage.themes.indexOf(theme)]?.[g];
      if (cell?.covered) continue;
      lost.push({ group, theme, documents: cell?.documents.length ?? 0, required: coverage.minDocs, kind: 'lost', score: cell?.score ?? 0 });
    }
  }
  return lost;
}
