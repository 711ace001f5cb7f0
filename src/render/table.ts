// Human output for the terminal: tables through cli-table3, colour through chalk when allowed (see paint.ts).
import { createRequire } from 'node:module';
import type CliTable3 from 'cli-table3';
import type { Report, RenderOptions } from './index.js';
import { renderDocumentReport } from './table-documents.js';
import { renderExplanation } from './table-explain.js';
import { sanitizeForTerminal } from './text-safe.js';
import { renderMatrixReport } from './table-matrices.js';
import { renderVerifyTable } from './table-verify.js';
import { painterFor, type Paint } from './paint.js';

// The only importer of cli-table3, a CommonJS package: required, not imported, for the same reason
// as commander (see commands/commander.ts).
const Table = createRequire(import.meta.url)('cli-table3') as typeof CliTable3;

/** What every table renderer needs: the colour palette and the width. */
export interface TableContext {
  paint: Paint;
  width: number;
}

/** Returns the report as terminal text: tables for matrices, readable blocks for documents. */
export function renderTable(report: Report, options: RenderOptions): string {
  const context: TableContext = { paint: painterFor(options.color), width: options.width };
  switch (report.kind) {
    case 'overlap':
    case 'gaps':
    case 'coverage':
    case 'diff':
    case 'report':
      return renderMatrixReport(report, context);
    case 'explain':
      return renderExplanation(report.explanation, context);
    case 'verify':
      return renderVerifyTable(report.verify, context);
    default:
      return renderDocumentReport(report, context);
  }
}

/** Short theme codes for narrow tables (list, ingest); the legend is printed under them. */
export const THEME_CODES: Record<string, string> = {
  'trustworthy-ai': 'TAI',
  cybersecurity: 'CYB',
  healthcare: 'HLT',
  mobility: 'MOB',
  environment: 'ENV',
  skills: 'SKL',
  'public-services': 'PUB',
  data: 'DAT',
};

/** Returns the short code of a theme (the id itself, made safe for the terminal, when it has none: a hand-edited corpus may hold anything). */
export function themeCode(id: string): string {
  return THEME_CODES[id] ?? sanitizeForTerminal(id);
}

/** Returns the legend line of the theme codes. */
export function themeLegend(): string {
  return Object.entries(THEME_CODES)
    .map(([id, code]) => `${code} ${id}`)
    .join(' · ');
}

/** How a column is aligned. */
export type Align = 'left' | 'center' | 'right';

/** Returns a cli-table3 table with our look: no colours of its own, compact padding (widths: fixed column widths). */
export function makeTable(head: string[], colAligns?: Align[], widths?: number[]): CliTable3.Table {
  return new Table({
    head,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
    ...(colAligns ? { colAligns } : {}),
    ...(widths ? { colWidths: widths } : {}),
    wordWrap: false,
  });
}

/** Rows per piece of a long table (see renderRows). */
export const ROWS_PER_PIECE = 100;

/**
 * Returns the table of these rows as makeTable draws it, for tables of a row per document.
 * cli-table3 lays a table out in time that grows with the square of its rows (10,000 rows took
 * 6.6 s, 100,000 did not end in ten minutes), so a long table is drawn in pieces of
 * ROWS_PER_PIECE rows, every piece with the widest widths of all of them, and the pieces are
 * joined without the borders and heads between them: the same text as one table.
 */
export function renderRows(head: string[], rows: Array<Array<string | number>>, colAligns?: Align[]): string {
  const draw = (piece: Array<Array<string | number>>, widths?: number[]): CliTable3.Table => {
    const table = makeTable(head, colAligns, widths);
    table.push(...piece);
    return table;
  };
  if (rows.length <= ROWS_PER_PIECE) return draw(rows).toString();
  const pieces: Array<Array<Array<string | number>>> = [];
  for (let at = 0; at < rows.length; at += ROWS_PER_PIECE) pieces.push(rows.slice(at, at + ROWS_PER_PIECE));
  // Drawing a table leaves the widths it chose in its options.
  const widths: number[] = [];
  for (const piece of pieces) {
    const table = draw(piece);
    table.toString();
    table.options.colWidths.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w ?? 0)));
  }
  // Each piece is drawn as: top border, head, the line under the head, its rows, bottom border.
  return pieces
    .map((piece, k) => {
      const lines = draw(piece, widths).toString().split('\n');
      return lines.slice(k === 0 ? 0 : 3, k === pieces.length - 1 ? lines.length : -1).join('\n');
    })
    .join('\n');
}
