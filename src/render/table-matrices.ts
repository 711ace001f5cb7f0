// Coverage, overlap and gap matrices for the terminal: heatmap shading when colour is allowed, marks that read without it.
import type { CellEvidence, CoverageCell, CoverageMatrix, GapReport, OverlapMatrix } from '../model.js';
import type { Report } from './index.js';
import {
  checkHeadline,
  COMPETENCE_TITLE,
  competenceRows,
  coverageCellText,
  coverageLegend,
  coverageTitle,
  evidenceCitation,
  gapCellText,
  gapCounts,
  gapLegend,
  gapTitle,
  overlapLegend,
  overlapTitle,
  scopeLine,
  shortfallText,
} from './matrix-text.js';
import { makeTable, themeCode, themeLegend, type TableContext } from './table.js';
import { highlight } from './table-documents.js';
import { renderDiffTable } from './table-diff.js';
import { labelGroups, renderFittedMatrix } from './table-fit.js';
import { sanitizeForTerminal, truncate } from './text-safe.js';

type MatrixReport = Extract<Report, { kind: 'overlap' | 'gaps' | 'coverage' | 'diff' | 'report' }>;

/** Returns an overlap, gaps, coverage, diff or full report as terminal text. */
export function renderMatrixReport(report: MatrixReport, context: TableContext): string {
  switch (report.kind) {
    case 'overlap': {
      const { coverage, passages } = report.overlap;
      const parts = [coverageTable(coverage, context), overlapTable(report.overlap, context)];
      if (report.scope.evidence) parts.push(evidenceList(coverage, context));
      if (passages) parts.push(passageList(report.overlap, context));
      return withScope(parts, report.scope.manifest, context);
    }
    case 'gaps':
      return withScope([gapMatrix(report.gaps, context), gapList(report.gaps, context)], report.scope.manifest, context);
    case 'coverage': {
      const parts = [coverageTable(report.check.coverage, context)];
      if (report.scope.evidence) parts.push(evidenceList(report.check.coverage, context));
      parts.push(checkSummary(report, context));
      return withScope(parts, report.scope.manifest, context);
    }
    case 'report': {
      const parts = [coverageTable(report.overlap.coverage, context), overlapTable(report.overlap, context), gapMatrix(report.gaps, context), gapList(report.gaps, context), competenceTable(report.gaps, context)];
      if (report.scope.evidence) parts.push(evidenceList(report.overlap.coverage, context));
      return withScope(parts, report.scope.manifest, context);
    }
    case 'diff':
      return renderDiffTable(report.diff, context);
  }
}

function withScope(parts: string[], manifest: Extract<Report, { kind: 'coverage' }>['scope']['manifest'], { paint }: TableContext): string {
  return `${parts.join('\n')}${paint.dim(scopeLine(manifest))}\n`;
}

function legendBlock(lines: string[], { paint }: TableContext): string {
  return lines.length === 0 ? '' : `${lines.map((l) => paint.dim(l)).join('\n')}\n`;
}

function shadeCoverage(cell: CoverageCell, text: string, { paint }: TableContext): string {
  if (!cell.covered || cell.strength === 'none') return paint.dim(text);
  return cell.strength === 'strong' ? paint.bgGreen.black(text) : paint.green(text);
}

function coverageTable(coverage: CoverageMatrix, context: TableContext): string {
  const labels = labelGroups(coverage.groups, context.width);
  const rows = coverage.themes.map((theme, t) => [
    theme,
    ...coverage.cells[t]!.map((cell, g) => shadeCoverage(cell, coverageCellText(cell, coverage.groups[g]!.documents.length), context)),
  ]);
  const table = renderFittedMatrix(`theme × ${coverage.by}`, labels.heads, rows, context.width);
  return `${context.paint.bold(coverageTitle(coverage))}\n${table}\n${legendBlock([...coverageLegend(coverage), ...labels.legend], context)}`;
}

function overlapTable(overlap: OverlapMatrix, context: TableContext): string {
  const { coverage, cells } = overlap;
  const { paint } = context;
  const labels = labelGroups(coverage.groups, context.width);
  const rows = cells.map((row, i) => [
    labels.rows[i]!,
    ...row.map((cell, j) => {
      if (i === j) return paint.dim(`${cell.shared.length}`);
      const text = `${cell.shared.length} ${cell.jaccard.toFixed(2)}`;
      if (cell.jaccard >= 0.6) return paint.bgCyan.black(text);
      return cell.shared.length > 0 ? paint.cyan(text) : paint.dim(text);
    }),
  ]);
  const table = renderFittedMatrix('', labels.heads, rows, context.width);
  return `${paint.bold(overlapTitle(coverage))}\n${table}\n${legendBlock([...overlapLegend(), ...labels.legend], context)}`;
}

function gapMatrix(report: GapReport, context: TableContext): string {
  const { coverage } = report;
  const { paint } = context;
  const labels = labelGroups(coverage.groups, context.width);
  const rows = coverage.groups.map((from, i) => [
    labels.rows[i]!,
    ...coverage.groups.map((to) => {
      if (to.key === from.key) return paint.dim('—');
      const counts = gapCounts(report, from.key, to.key);
      const text = gapCellText(counts);
      if (counts.real >= 3) return paint.bgRed.white(text);
      return counts.real > 0 ? paint.yellow(text) : paint.dim(text);
    }),
  ]);
  const table = renderFittedMatrix('covers → lacks', labels.heads, rows, context.width);
  return `${paint.bold(gapTitle(coverage))}\n${table}\n${legendBlock([...gapLegend(), ...labels.legend], context)}`;
}

function gapList(report: GapReport, { paint, width }: TableContext): string {
  const lines: string[] = [];
  for (const gap of report.gaps) {
    if (gap.themes.length === 0) continue;
    lines.push(pairLine(gap.from, '→', gap.to, width));
    for (const d of gap.details) {
      const status = d.status === 'real gap' ? paint.yellow(d.status.padEnd(25)) : paint.dim(d.status.padEnd(25));
      lines.push(`  ${d.theme.padEnd(15)} ${status} ${paint.dim(truncate(d.reason, Math.max(20, width - 45)))}`);
    }
  }
  const body = lines.length > 0 ? lines.join('\n') : 'No gaps: every group covers the themes the others cover.';
  return `${paint.bold('Themes covered by the first group and not the second')}\n${body}\n`;
}

function competenceTable(report: GapReport, { paint }: TableContext): string {
  if (!report.competence) return '';
  const competence = report.competence;
  const themes = report.coverage.themes;
  const table = makeTable(['country, level', ...themes.map(themeCode)], ['left', ...themes.map(() => 'center' as const)]);
  const shade: Record<string, (s: string) => string> = { full: paint.green, partial: paint.yellow, none: paint.dim };
  for (const { country, level } of competenceRows(competence)) {
    table.push([
      `${country} ${level}`,
      ...themes.map((t) => {
        const entry = competence.countries[country]!.themes[t];
        const value = entry?.levels[level];
        return value === undefined ? '?' : (shade[value] ?? String)(value === 'partial' ? 'part' : value);
      }),
    ]);
  }
  const codes = themeLegend().split(' · ');
  const legend = ['full · part(ial) · none; notes, sources and approximations in competence.yml', codes.slice(0, 4).join(' · '), codes.slice(4).join(' · ')];
  return `${paint.bold(COMPETENCE_TITLE)}\n${table.toString()}\n${legend.map((l) => paint.dim(l)).join('\n')}\n`;
}

function evidenceList(coverage: CoverageMatrix, context: TableContext): string {
  const { paint } = context;
  const lines: string[] = [];
  coverage.themes.forEach((theme, t) => {
    coverage.cells[t]!.forEach((cell) => {
      const best = cell.evidence[0];
      if (!best) return;
      lines.push(paint.bold(truncate(`${theme} × ${cell.group}`, context.width)));
      lines.push(`  ${sanitizeForTerminal(evidenceCitation(best))}`);
      lines.push(`  ${highlight(best, paint, 160)}`);
      lines.push(`  ${paint.dim(`terms: ${sanitizeForTerminal(best.terms.join(', '))}`)}`);
    });
  });
  const hint = paint.dim('aipolicy show <document> prints every passage behind a document\'s themes');
  return `${paint.bold('Strongest evidence per covered cell')}\n${lines.length > 0 ? `${lines.join('\n')}\n${hint}` : 'No theme is asserted.'}\n`;
}

function passageList(overlap: OverlapMatrix, context: TableContext): string {
  const { paint } = context;
  const passages = overlap.passages!;
  const side = (group: string, evidence: CellEvidence[]): string[] => [
    `  ${paint.bold(sanitizeForTerminal(group))}`,
    ...evidence.slice(0, 2).flatMap((e) => [`    ${sanitizeForTerminal(evidenceCitation(e))}`, `      ${highlight(e, paint, 160)}`]),
    ...(evidence.length > 2 ? [`    ${paint.dim(`… ${evidence.length - 2} more (see --format json)`)}`] : []),
  ];
  const lines = passages.pairs.flatMap((p) => [pairLine(p.a, '↔', p.b, context.width), ...side(p.a, p.aEvidence), ...side(p.b, p.bEvidence)]);
  const title = `Passages on ${passages.theme}, for each pair of groups that both cover it`;
  return `${paint.bold(title)}\n${lines.join('\n') || `No two ${overlap.coverage.by} groups both cover ${passages.theme}.`}\n`;
}

/** Returns `a → b` on one line, or on two when it would not fit the width. */
function pairLine(a: string, arrow: string, b: string, width: number): string {
  const line = `${sanitizeForTerminal(a)} ${arrow} ${sanitizeForTerminal(b)}`;
  return line.length <= width ? line : `${truncate(a, width)}\n ${arrow} ${truncate(b, width - 3)}`;
}

function checkSummary(report: Extract<Report, { kind: 'coverage' }>, { paint }: TableContext): string {
  const { check } = report;
  const headline = checkHeadline(check);
  if (check.passed) return `${paint.green('PASS')}${headline.slice(4)}\n`;
  const lines = check.shortfalls.map((s) => `  ${sanitizeForTerminal(shortfallText(s, check.coverage))}`);
  return `${paint.red('FAIL')}${headline.slice(4)}\n${lines.join('\n')}\n`;
}
