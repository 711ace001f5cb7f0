// Coverage, overlap and gap matrices for the terminal.
import type { CoverageMatrix } from '../model.js';
import type { Report } from './index.js';
import { makeTable, type TableContext } from './table.js';
import { sanitizeForTerminal } from './text-safe.js';

type MatrixReport = Extract<Report, { kind: 'overlap' | 'gaps' | 'coverage' }>;

/** Returns the matrices of an overlap, gaps or coverage report as text. */
export function renderMatrixReport(report: MatrixReport, context: TableContext): string {
  switch (report.kind) {
    case 'overlap':
      return [coverageTable(report.overlap.coverage, context), overlapTable(report, context)].join('\n');
    case 'gaps':
      return [gapMatrix(report, context), gapList(report, context)].join('\n');
    case 'coverage':
      return [coverageTable(report.check.coverage, context), checkSummary(report, context)].join('\n');
  }
}

function groupHead(coverage: CoverageMatrix, g: number): string {
  const group = coverage.groups[g]!;
  return `${sanitizeForTerminal(group.key)}\n(${group.documents.length})`;
}

function coverageTable(coverage: CoverageMatrix, { paint }: TableContext): string {
  const table = makeTable(
    [`theme × ${coverage.by}`, ...coverage.groups.map((_, g) => groupHead(coverage, g))],
    ['left', ...coverage.groups.map(() => 'center' as const)],
  );
  coverage.themes.forEach((theme, t) => {
    table.push([
      theme,
      ...coverage.cells[t]!.map((cell, g) => {
        const size = coverage.groups[g]!.documents.length;
        const text = cell.documents.length === 0 ? '·' : `${cell.documents.length}/${size}`;
        if (!cell.covered) return paint.dim(text);
        return cell.score >= 0.8 ? paint.bold.green(text) : paint.green(text);
      }),
    ]);
  });
  const title = `Coverage: documents asserting each theme, per ${coverage.by} (covered at ${coverage.minDocs}+ document${coverage.minDocs === 1 ? '' : 's'})`;
  return `${paint.bold(title)}\n${table.toString()}\n`;
}

function overlapTable(report: Extract<Report, { kind: 'overlap' }>, { paint }: TableContext): string {
  const { coverage, cells } = report.overlap;
  const table = makeTable(
    ['', ...coverage.groups.map((_, g) => groupHead(coverage, g))],
    ['left', ...coverage.groups.map(() => 'center' as const)],
  );
  cells.forEach((row, i) => {
    table.push([
      sanitizeForTerminal(coverage.groups[i]!.key),
      ...row.map((cell, j) => {
        if (i === j) return paint.dim(`${cell.shared.length}`);
        const text = `${cell.shared.length} ${cell.jaccard.toFixed(2)}`;
        return cell.jaccard >= 0.6 ? paint.bold.cyan(text) : cell.shared.length > 0 ? paint.cyan(text) : paint.dim(text);
      }),
    ]);
  });
  const title = `Overlap: shared themes and Jaccard index between ${coverage.by} groups (diagonal: themes covered)`;
  return `${paint.bold(title)}\n${table.toString()}\n`;
}

function gapMatrix(report: Extract<Report, { kind: 'gaps' }>, { paint }: TableContext): string {
  const { coverage, gaps } = report.gaps;
  const table = makeTable(
    ['covers → lacks', ...coverage.groups.map((_, g) => groupHead(coverage, g))],
    ['left', ...coverage.groups.map(() => 'center' as const)],
  );
  for (const from of coverage.groups) {
    table.push([
      sanitizeForTerminal(from.key),
      ...coverage.groups.map((to) => {
        if (to.key === from.key) return paint.dim('—');
        const gap = gaps.find((x) => x.from === from.key && x.to === to.key)!;
        return gap.themes.length === 0 ? paint.dim('0') : paint.yellow(String(gap.themes.length));
      }),
    ]);
  }
  const title = `Gaps: number of themes the row group covers and the column group does not (by ${coverage.by})`;
  return `${paint.bold(title)}\n${table.toString()}\n`;
}

function gapList(report: Extract<Report, { kind: 'gaps' }>, { paint }: TableContext): string {
  const lines = report.gaps.gaps
    .filter((gap) => gap.themes.length > 0)
    .map((gap) => `${sanitizeForTerminal(gap.from)} → ${sanitizeForTerminal(gap.to)}: ${gap.themes.join(', ')}`);
  const body = lines.length > 0 ? lines.join('\n') : 'No gaps: every group covers the themes the others cover.';
  return `${paint.bold('Themes covered by the first group and not the second')}\n${body}\n`;
}

function checkSummary(report: Extract<Report, { kind: 'coverage' }>, { paint }: TableContext): string {
  const { check } = report;
  if (check.passed) {
    return `${paint.green('PASS')} every ${check.coverage.by} group covers ${check.required.length} required theme${check.required.length === 1 ? '' : 's'} with at least ${check.coverage.minDocs} document${check.coverage.minDocs === 1 ? '' : 's'}\n`;
  }
  const lines = check.shortfalls.map(
    (s) => `  ${sanitizeForTerminal(s.group)} lacks ${s.theme}: ${s.documents} document${s.documents === 1 ? '' : 's'} (needs ${s.required})`,
  );
  return `${paint.red('FAIL')} ${check.shortfalls.length} shortfall${check.shortfalls.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n`;
}
