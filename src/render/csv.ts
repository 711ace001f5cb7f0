// CSV for spreadsheets: RFC 4180 (CRLF line ends, quotes doubled), UTF-8, one long-format table per analysis.
// A cell a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) is prefixed with '.
import { sanitizeForTerminal } from './text-safe.js';
import { UsageError } from '../errors.js';
import type { CoverageCheck, CoverageMatrix, OverlapMatrix } from '../model.js';
import type { Report } from './index.js';
import { evidencePlace } from './matrix-text.js';

type Cell = string | number | boolean;

/** Returns the analysis as CSV text: a header row, then one row per cell, pair, gap or change. */
export function renderCsv(report: Report): string {
  return csvRows(report)
    .map((row) => row.map(csvCell).join(','))
    .map((line) => `${line}\r\n`)
    .join('');
}

/** Returns one CSV field: neutralised against formula injection, quoted when it holds a comma, quote, CR or LF. */
export function csvCell(value: Cell): string {
  // Line breaks stay (quoted); other controls and bidi overrides are shown as escapes.
  let text = sanitizeForTerminal(String(value), true);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRows(report: Report): Cell[][] {
  switch (report.kind) {
    case 'coverage':
      return coverageRows(report.check.coverage, report.scope.evidence, report.check);
    case 'overlap':
      return report.overlap.passages ? passageRows(report.overlap) : overlapRows(report.overlap);
    case 'gaps':
      return [
        ['from', 'to', 'theme', 'status', 'reason'],
        ...report.gaps.gaps.flatMap((gap) => gap.details.map((d) => [gap.from, gap.to, d.theme, d.status, d.reason])),
      ];
    case 'diff':
      return [
        ['group', 'theme', 'change', 'document', 'cause'],
        ...report.diff.changes.flatMap((c) => c.documents.map((d) => [c.group, c.theme, c.change, d.id, d.cause])),
      ];
    default:
      throw new UsageError(`format "csv" is not available for ${report.kind}`);
  }
}

const EVIDENCE_HEAD = ['evidence_document', 'evidence_place', 'evidence_score', 'evidence_terms', 'evidence_text'];

function coverageRows(coverage: CoverageMatrix, evidence: boolean, check: CoverageCheck): Cell[][] {
  const head = ['group', 'theme', 'covered', 'strength', 'score', 'documents', 'group_documents', 'document_ids', 'required', 'shortfall'];
  const rows: Cell[][] = [evidence ? [...head, ...EVIDENCE_HEAD] : head];
  coverage.groups.forEach((group, g) => {
    coverage.themes.forEach((theme, t) => {
      const cell = coverage.cells[t]![g]!;
      const shortfall = check.shortfalls.find((s) => s.group === group.key && s.theme === theme);
      const row: Cell[] = [group.key, theme, cell.covered, cell.strength, cell.score, cell.documents.length, group.documents.length, cell.documents.join(';'), check.required.includes(theme), shortfall?.kind ?? ''];
      const best = cell.evidence[0];
      if (evidence) row.push(...(best ? [best.document, evidencePlace(best), best.score, best.terms.join(';'), best.text] : ['', '', '', '', '']));
      rows.push(row);
    });
  });
  return rows;
}

function overlapRows(overlap: OverlapMatrix): Cell[][] {
  return [['a', 'b', 'shared', 'jaccard', 'shared_themes'], ...overlap.cells.flat().map((c) => [c.a, c.b, c.shared.length, c.jaccard, c.shared.join(';')])];
}

function passageRows(overlap: OverlapMatrix): Cell[][] {
  const { theme, pairs } = overlap.passages!;
  const rows: Cell[][] = [['a', 'b', 'theme', 'side', 'document', 'place', 'score', 'terms', 'text']];
  for (const pair of pairs) {
    for (const [side, list] of [[pair.a, pair.aEvidence], [pair.b, pair.bEvidence]] as const) {
      for (const e of list) rows.push([pair.a, pair.b, theme, side, e.document, evidencePlace(e), e.score, e.terms.join(';'), e.text]);
    }
  }
  return rows;
}
