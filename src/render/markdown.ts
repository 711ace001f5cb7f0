// Markdown for reports: GitHub-flavoured tables, every piece of document text escaped so it stays text.
import { sanitizeForTerminal } from './text-safe.js';
import { UsageError } from '../errors.js';
import type { CellEvidence, CoverageCheck, CoverageDiff, CoverageMatrix, GapReport, Manifest, OverlapMatrix } from '../model.js';
import type { Report } from './index.js';
import {
  checkHeadline,
  COMPETENCE_TITLE,
  competenceRows,
  coverageCellText,
  coverageLegend,
  coverageTitle,
  describeCause,
  diffSummary,
  diffTitle,
  evidenceCitation,
  excerptOf,
  gapCellText,
  gapCounts,
  gapLegend,
  gapTitle,
  overlapLegend,
  overlapTitle,
  scopeLine,
  shortfallText,
} from './matrix-text.js';

/** Returns the analysis as Markdown, ending with a newline. */
export function renderMarkdown(report: Report): string {
  return `${sections(report).join('\n\n')}\n`;
}

function sections(report: Report): string[] {
  switch (report.kind) {
    case 'coverage':
      return [
        coverageSection(report.check.coverage),
        ...(report.scope.evidence ? [evidenceSection(report.check.coverage)] : []),
        checkSection(report.check),
        footer(report.scope.manifest),
      ];
    case 'overlap':
      return [
        coverageSection(report.overlap.coverage),
        overlapSection(report.overlap),
        ...(report.scope.evidence ? [evidenceSection(report.overlap.coverage)] : []),
        ...(report.overlap.passages ? [passageSection(report.overlap)] : []),
        footer(report.scope.manifest),
      ];
    case 'gaps':
      return [gapSection(report.gaps), ...competenceSection(report.gaps), footer(report.scope.manifest)];
    case 'report':
      return [
        '# AI policy coverage, overlap and gaps',
        coverageSection(report.overlap.coverage),
        overlapSection(report.overlap),
        gapSection(report.gaps),
        ...competenceSection(report.gaps),
        ...(report.scope.evidence ? [evidenceSection(report.overlap.coverage)] : []),
        footer(report.scope.manifest),
      ];
    case 'diff':
      return [diffSection(report.diff)];
    default:
      throw new UsageError(`format "markdown" is not available for ${report.kind}`);
  }
}

/** Returns text that Markdown shows as it is: punctuation that would format or link is escaped, lines joined. */
export function escapeMarkdown(text: string): string {
  return sanitizeForTerminal(text)
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~#]/g, (ch) => `\\${ch}`);
}

function table(head: string[], rows: string[][], centred = true): string {
  const align = head.map((_, i) => (i === 0 || !centred ? '---' : ':-:'));
  return [head, align, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function groupHeads(coverage: CoverageMatrix): string[] {
  return coverage.groups.map((g) => `${escapeMarkdown(g.key)} (${g.documents.length})`);
}

function coverageSection(coverage: CoverageMatrix): string {
  const rows = coverage.themes.map((theme, t) => [
    theme,
    ...coverage.cells[t]!.map((cell, g) => {
      const text = coverageCellText(cell, coverage.groups[g]!.documents.length);
      return cell.covered && cell.strength === 'strong' ? `**${text}**` : text;
    }),
  ]);
  return `## ${escapeMarkdown(coverageTitle(coverage))}\n\n${table([`theme × ${coverage.by}`, ...groupHeads(coverage)], rows)}\n\n${escapeMarkdown(coverageLegend(coverage).join('; '))}`;
}

function overlapSection(overlap: OverlapMatrix): string {
  const { coverage, cells } = overlap;
  const rows = cells.map((row, i) => [
    escapeMarkdown(coverage.groups[i]!.key),
    ...row.map((cell, j) => (i === j ? `${cell.shared.length}` : `${cell.shared.length} (${cell.jaccard.toFixed(2)})`)),
  ]);
  return `## ${escapeMarkdown(overlapTitle(coverage))}\n\n${table(['', ...groupHeads(coverage)], rows)}\n\n${escapeMarkdown(overlapLegend().join(' '))}`;
}

function gapSection(report: GapReport): string {
  const { coverage } = report;
  const rows = coverage.groups.map((from) => [
    escapeMarkdown(from.key),
    ...coverage.groups.map((to) => (to.key === from.key ? '—' : gapCellText(gapCounts(report, from.key, to.key)))),
  ]);
  const list = report.gaps.flatMap((gap) =>
    gap.details.map((d) => [escapeMarkdown(gap.from), escapeMarkdown(gap.to), d.theme, d.status === 'real gap' ? `**${d.status}**` : d.status, escapeMarkdown(d.reason)]),
  );
  const listTable = list.length > 0 ? table(['covers', 'lacks', 'theme', 'status', 'why'], list, false) : 'No gaps: every group covers the themes the others cover.';
  return `## ${escapeMarkdown(gapTitle(coverage))}\n\n${table(['covers → lacks', ...groupHeads(coverage)], rows)}\n\n${escapeMarkdown(gapLegend().join(' '))}\n\n### Gaps, marked with the competences\n\n${listTable}`;
}

function competenceSection(report: GapReport): string[] {
  const competence = report.competence;
  if (!competence) return [];
  const themes = report.coverage.themes;
  const rows = competenceRows(competence).map(({ country, level, label }) => [
    escapeMarkdown(label),
    ...themes.map((t) => {
      const entry = competence.countries[country]!.themes[t];
      return entry?.levels[level] ?? '?';
    }),
  ]);
  const notes = Object.entries(competence.countries).flatMap(([country, c]) =>
    themes.flatMap((t) => {
      const entry = c.themes[t];
      return entry ? [`- **${country} ${t}**${entry.approximate ? ' (approximate)' : ''}: ${escapeMarkdown(entry.note)} Sources: ${entry.sources.map(escapeMarkdown).join('; ')}.`] : [];
    }),
  );
  const legend = 'full: main holder; partial: competent for a part; none: not competent. The notes say where a split is approximate.';
  return [`## ${escapeMarkdown(COMPETENCE_TITLE)}\n\n${table(['country, level', ...themes], rows)}\n\n${legend}\n\n${notes.join('\n')}`];
}

function quote(evidence: CellEvidence): string {
  return `${escapeMarkdown(evidenceCitation(evidence))}: “${escapeMarkdown(excerptOf(evidence, 300))}” (terms: ${escapeMarkdown(evidence.terms.join(', '))})`;
}

function evidenceSection(coverage: CoverageMatrix): string {
  const items = coverage.themes.flatMap((theme, t) =>
    coverage.cells[t]!.flatMap((cell) => (cell.evidence[0] ? [`- **${theme} × ${escapeMarkdown(cell.group)}**: ${quote(cell.evidence[0])}`] : [])),
  );
  return `### Strongest evidence per covered cell\n\n${items.join('\n') || 'No theme is asserted.'}`;
}

function passageSection(overlap: OverlapMatrix): string {
  const { theme, pairs } = overlap.passages!;
  const blocks = pairs.map((p) =>
    [
      `### ${escapeMarkdown(p.a)} ↔ ${escapeMarkdown(p.b)}`,
      ...[[p.a, p.aEvidence], [p.b, p.bEvidence]].flatMap(([group, list]) => [`**${escapeMarkdown(group as string)}**`, ...(list as CellEvidence[]).map((e) => `- ${quote(e)}`)]),
    ].join('\n\n'),
  );
  return `## Passages on ${theme}, for each pair of groups that both cover it\n\n${blocks.join('\n\n') || `No two ${overlap.coverage.by} groups both cover ${theme}.`}`;
}

function checkSection(check: CoverageCheck): string {
  const lines = check.shortfalls.map((s) => `- ${escapeMarkdown(shortfallText(s, check.coverage))}`);
  return [`**${escapeMarkdown(checkHeadline(check))}**`, ...lines].join('\n');
}

function diffSection(diff: CoverageDiff): string {
  const rows = diff.changes.map((c) => [
    escapeMarkdown(c.group),
    c.theme,
    c.change,
    c.documents.map((d) => `${escapeMarkdown(d.id)} (${describeCause(d.cause, c.change)})`).join('<br>'),
  ]);
  const body = rows.length > 0 ? table(['group', 'theme', 'change', 'documents'], rows, false) : `No ${diff.after.by} group gained or lost a theme.`;
  return `## ${escapeMarkdown(diffTitle(diff))}\n\n${escapeMarkdown(diffSummary(diff))}\n\n${body}`;
}

function footer(manifest: Manifest): string {
  return `_${escapeMarkdown(scopeLine(manifest))}_`;
}
