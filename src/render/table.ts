// Human output for the terminal: tables through cli-table3, colour through chalk when allowed.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Report, RenderOptions } from './index.js';
import { renderDocumentReport } from './table-documents.js';
import { renderExplanation } from './table-explain.js';
import { sanitizeForTerminal } from './text-safe.js';
import { renderMatrixReport } from './table-matrices.js';
import { renderVerifyTable } from './table-verify.js';

/** What every table renderer needs: the colour palette and the width. */
export interface TableContext {
  paint: ChalkInstance;
  width: number;
}

/** Returns the report as terminal text: tables for matrices, readable blocks for documents. */
export function renderTable(report: Report, options: RenderOptions): string {
  const context: TableContext = { paint: new Chalk({ level: options.color ? 1 : 0 }), width: options.width };
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

/** Returns a cli-table3 table with our look: no colours of its own, compact padding. */
export function makeTable(head: string[], colAligns?: Array<'left' | 'center' | 'right'>): Table.Table {
  return new Table({
    head,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
    ...(colAligns ? { colAligns } : {}),
    wordWrap: false,
  });
}
