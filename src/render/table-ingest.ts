// The ingest (and refresh) report for the terminal: one row per document, then a one-table summary.
import type { Report } from './index.js';
import { makeTable, renderRows, themeCode, themeLegend, type TableContext } from './table.js';
import { sanitizeForTerminal, truncate } from './text-safe.js';

const STATUSES = ['stored', 'updated', 'unchanged', 'duplicate', 'failed'] as const;

/** Returns the ingest report: a row per input, the theme legend, the counts table and a summary line. */
export function renderIngestTable(report: Extract<Report, { kind: 'ingest' }>, { paint }: TableContext): string {
  const rows: string[][] = [];
  const colour: Record<string, (s: string) => string> = {
    stored: paint.green,
    updated: paint.cyan,
    unchanged: paint.dim,
    duplicate: paint.yellow,
    failed: paint.red,
  };
  for (const r of report.results) {
    const status = report.dryRun && (r.status === 'stored' || r.status === 'updated') ? `would be ${r.status}` : r.status;
    const detail =
      r.status === 'failed'
        ? truncate(`${r.source}: ${r.error ?? ''}`, 60)
        : r.status === 'duplicate'
          ? `same text as ${sanitizeForTerminal(r.duplicateOf ?? '')}`
          : (r.themes ?? []).map(themeCode).join(' ') || '—';
    rows.push([(colour[r.status] ?? String)(status), truncate(r.id ?? r.source, 50), sanitizeForTerminal(r.language ?? ''), detail]);
  }
  const table = renderRows(['status', 'document', 'lang', 'themes'], rows);
  const skipped = report.skipped?.length ?? 0;
  const count = (status: string): number => report.results.filter((r) => r.status === status).length;
  const summary = makeTable([...STATUSES.slice(0, 4), 'skipped', 'failed'], Array(6).fill('right'));
  summary.push([...STATUSES.slice(0, 4).map(count), skipped, count('failed')]);
  const counts = [...STATUSES.map((s) => [s, count(s)] as const), ['skipped', skipped] as const]
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const line = `${report.dryRun ? 'Dry run, nothing written: ' : ''}${counts.join(', ') || 'no input'}`;
  return `${table}\n${paint.dim(themeLegend())}\n${summary.toString()}\n${line}\n`;
}
