// Words, marks and numbers shared by every format of the analyses, so table, Markdown, CSV and HTML say the same thing.
import { sanitizeForTerminal } from './text-safe.js';
import { STRONG_SCORE } from '../core/compare.js';
import { describeFilter } from '../core/filter.js';
import type { CellEvidence, Competence, CoverageCell, CoverageCheck, CoverageDiff, CoverageMatrix, DiffCause, Evidence, GapReport, Level, Manifest, Shortfall, Strength } from '../model.js';

/** One-character mark of a strength: filled for strong, hollow for weak, a dot for none. */
export const STRENGTH_MARK: Record<Strength, string> = { strong: '●', weak: '○', none: '·' };

/** Returns a coverage cell as text: mark and documents asserting / documents in the group (`●2/4`), `·` when none. */
export function coverageCellText(cell: CoverageCell, groupSize: number): string {
  return cell.documents.length === 0 ? STRENGTH_MARK.none : `${STRENGTH_MARK[cell.strength]}${cell.documents.length}/${groupSize}`;
}

/** Returns the title of a coverage matrix. */
export function coverageTitle(coverage: CoverageMatrix): string {
  return `Coverage: documents asserting each theme, per ${coverage.by}`;
}

/** Returns the legend of coverage cells, one short line each. */
export function coverageLegend(coverage: CoverageMatrix): string[] {
  const docs = `${coverage.minDocs}+ document${coverage.minDocs === 1 ? '' : 's'}`;
  const score = coverage.minScore > 0 ? ` scoring ${coverage.minScore} or more` : '';
  return [
    `${STRENGTH_MARK.strong} strong (best score ≥ ${STRONG_SCORE.toFixed(2)})  ${STRENGTH_MARK.weak} weak (below ${STRONG_SCORE.toFixed(2)})  ${STRENGTH_MARK.none} none`,
    `n/m: documents asserting the theme / documents in the group`,
    `a group covers a theme with ${docs}${score}`,
  ];
}

/** Returns the title of an overlap matrix. */
export function overlapTitle(coverage: CoverageMatrix): string {
  return `Overlap: shared themes and Jaccard index between ${coverage.by} groups`;
}

/** Returns the legend of overlap cells. */
export function overlapLegend(): string[] {
  return ['cells: shared themes and Jaccard index; diagonal: themes the group covers'];
}

/** Returns the title of a gap matrix. */
export function gapTitle(coverage: CoverageMatrix): string {
  return `Gaps: themes the row group covers and the column group lacks (by ${coverage.by})`;
}

/** Returns the legend of gap cells. */
export function gapLegend(): string[] {
  return ['n (m): n real gaps among m themes the row covers and the column lacks;', 'the others are "not competent" or "covered by a higher level"'];
}

/** Returns the number of real gaps and of all gaps from one group to another. */
export function gapCounts(report: GapReport, from: string, to: string): { real: number; total: number } {
  const gap = report.gaps.find((g) => g.from === from && g.to === to);
  return { real: gap ? gap.details.filter((d) => d.status === 'real gap').length : 0, total: gap ? gap.themes.length : 0 };
}

/** Returns a gap cell as text: `·` without gaps, else `real (all)`. */
export function gapCellText(counts: { real: number; total: number }): string {
  return counts.total === 0 ? '·' : `${counts.real} (${counts.total})`;
}

/** Returns one shortfall as a sentence. */
export function shortfallText(s: Shortfall, coverage: CoverageMatrix): string {
  const docs = `${s.documents} document${s.documents === 1 ? '' : 's'}${coverage.minScore > 0 ? ` scoring ${coverage.minScore}+` : ''}`;
  if (s.kind === 'lost') return `${s.group} lost ${s.theme} since the baseline: ${docs} now (needs ${s.required})`;
  return `${s.group} lacks ${s.theme}: ${docs} (needs ${s.required})`;
}

/** Returns the verdict line of a coverage check. */
export function checkHeadline(check: CoverageCheck): string {
  if (!check.passed) return `FAIL ${check.shortfalls.length} shortfall${check.shortfalls.length === 1 ? '' : 's'}:`;
  const n = check.required.length;
  const docs = `${check.coverage.minDocs} document${check.coverage.minDocs === 1 ? '' : 's'}`;
  const baseline = check.baseline === undefined ? '' : `; nothing lost since ${check.baseline}`;
  return `PASS every ${check.coverage.by} group covers ${n} required theme${n === 1 ? '' : 's'} with at least ${docs}${baseline}`;
}

/** Returns what an analysis was computed from, in one line. */
export function scopeLine(manifest: Manifest): string {
  const filters = manifest.filters.length === 0 ? 'no filter' : `filters ${manifest.filters.map(describeFilter).join(' and ')}`;
  return sanitizeForTerminal(`${manifest.documents.length} document${manifest.documents.length === 1 ? '' : 's'}, ${filters}; aipolicy ${manifest.version}, taxonomy ${manifest.taxonomyVersion}`);
}

/** Returns where a passage is: `¶3`, or `p. 2 ¶3` for paged sources. */
export function evidencePlace(evidence: Evidence): string {
  return evidence.page === undefined ? `¶${evidence.passage + 1}` : `p. ${evidence.page} ¶${evidence.passage + 1}`;
}

/** Returns the citation of a cell's evidence: document, place and score. */
export function evidenceCitation(evidence: CellEvidence): string {
  return `${evidence.document} ${evidencePlace(evidence)} (score ${evidence.score.toFixed(2)})`;
}

/** Returns the passage on one line, cut around its first matched term to at most `max` characters. */
export function excerptOf(evidence: Evidence, max: number): string {
  const flat = evidence.text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const lower = flat.toLowerCase();
  const first = Math.min(...evidence.terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), flat.length);
  const start = Math.max(0, first < max / 2 ? 0 : Math.min(first - 40, flat.length - max));
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + max)}${start + max < flat.length ? '…' : ''}`;
}

/** Returns the title of a diff. */
export function diffTitle(diff: CoverageDiff): string {
  return `Themes gained and lost per ${diff.after.by}: ${diff.beforeLabel} → ${diff.afterLabel}`;
}

/** Returns the documents added and removed between the snapshots, in one line. */
export function diffSummary(diff: CoverageDiff): string {
  const list = (ids: string[]): string => (ids.length === 0 ? 'none' : ids.join(', '));
  return `Documents added: ${list(diff.added)}. Removed: ${list(diff.removed)}.`;
}

/** Returns why a document changed a group's coverage, in words. */
export function describeCause(cause: DiffCause, change: 'gained' | 'lost'): string {
  switch (cause) {
    case 'added':
      return 'document added';
    case 'removed':
      return 'document removed';
    case 'regrouped':
      return change === 'gained' ? 'moved into this group' : 'moved out of this group';
    case 'retagged':
      return change === 'gained' ? 'now asserts the theme' : 'no longer asserts the theme';
  }
}

/** Returns the rows of a competence table: one per country and level, in the file's order, e.g. `NL regional (the provinces)`. */
export function competenceRows(competence: Competence): Array<{ country: string; level: Level; label: string }> {
  return Object.entries(competence.countries).flatMap(([country, c]) =>
    (Object.entries(c.levels) as Array<[Level, string]>).map(([level, what]) => ({ country, level, label: `${country} ${level} (${what})` })),
  );
}

/** The title of the competence table. */
export const COMPETENCE_TITLE = 'Competences: who is competent for which theme (taxonomy/competence.yml)';
