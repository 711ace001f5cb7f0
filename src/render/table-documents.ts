// Documents for the terminal: tag results, ingest reports, the corpus list, one document.
import type { Paint } from './paint.js';
import type { DocumentMeta, DocumentView, Evidence, ThemeHit } from '../model.js';
import type { Report } from './index.js';
import { makeTable, renderRows, themeCode, themeLegend, type TableContext } from './table.js';
import { excerptOf } from './matrix-text.js';
import { renderIngestTable } from './table-ingest.js';
import { sanitizeForTerminal, truncate } from './text-safe.js';

type DocumentReport = Exclude<Report, { kind: 'overlap' | 'gaps' | 'coverage' | 'diff' | 'report' | 'explain' | 'verify' }>;

/** Evidence passages printed per theme in terminal output (all of them are in JSON). */
const EVIDENCE_SHOWN = 2;
const EXCERPT = 220;

/** Returns a tag, ingest, list, show or taxonomy report as terminal text. */
export function renderDocumentReport(report: DocumentReport, context: TableContext): string {
  switch (report.kind) {
    case 'tag':
      return report.results
        .map((r) =>
          r.error !== undefined || !r.analysis
            ? `${context.paint.bold(sanitizeForTerminal(r.source))}\n  ${context.paint.red('error')}: ${sanitizeForTerminal(r.error ?? 'not analysed')}\n`
            : documentBlock(r.source, r.meta ?? {}, r.analysis.language, r.analysis.languages, r.analysis.themes, context),
        )
        .join('\n');
    case 'show':
      return documentBlock(report.document.id, report.document.meta, report.document.language, report.document.languages, report.document.themes, context, report.document.stale, sourceLine(report.document));
    case 'ingest':
      return renderIngestTable(report, context);
    case 'list':
      return listTable(report, context);
    case 'taxonomy':
      return taxonomyTable(report, context);
  }
}

function documentBlock(
  name: string,
  meta: DocumentMeta,
  language: string,
  languages: Partial<Record<string, number>>,
  themes: ThemeHit[],
  { paint }: TableContext,
  stale = false,
  read?: string,
): string {
  const lines: string[] = [paint.bold(sanitizeForTerminal(name))];
  if (meta.title) lines.push(`  title:     ${truncate(meta.title, 100)}`);
  const where = [meta.level, meta.country?.join(';'), meta.region, meta.date].filter((x) => x !== undefined && x !== '');
  if (where.length > 0) lines.push(`  where:     ${sanitizeForTerminal(where.join(' · '))}`);
  if (meta.publisher) lines.push(`  publisher: ${truncate(meta.publisher, 100)}`);
  if (meta.source) lines.push(`  source:    ${truncate(meta.source, 100)}`);
  if (read) lines.push(`  encoding:  ${sanitizeForTerminal(read)}`);
  const shares = Object.entries(languages)
    .map(([code, share]) => `${sanitizeForTerminal(code)} ${Number(share ?? 0).toFixed(2)}`)
    .join(', ');
  lines.push(`  language:  ${language}${shares ? ` (${shares})` : ''}`);
  if (stale) lines.push(`  ${paint.yellow('stale')}: analysed with another taxonomy or edited by hand; recomputed here`);
  if (themes.length === 0) {
    lines.push('  themes:    none asserted');
  } else {
    lines.push('  themes:');
    for (const theme of themes) {
      const count = theme.evidence.length;
      lines.push(`    ${paint.bold(sanitizeForTerminal(theme.id).padEnd(16))} ${Number(theme.score).toFixed(2)}  ${count} passage${count === 1 ? '' : 's'}`);
      for (const evidence of theme.evidence.slice(0, EVIDENCE_SHOWN)) {
        lines.push(`      ${where_(evidence)} ${highlight(evidence, paint)}`);
        lines.push(`        ${paint.dim(`terms: ${sanitizeForTerminal(evidence.terms.join(', '))}`)}`);
      }
      if (count > EVIDENCE_SHOWN) lines.push(`      ${paint.dim(`… ${count - EVIDENCE_SHOWN} more (see --format json or aipolicy explain)`)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

// How the stored text was read: its encoding, and its page count for paged sources.
function sourceLine(document: DocumentView): string | undefined {
  if (document.encoding === undefined) return undefined;
  const pages = document.pageCount === undefined ? '' : ` (${document.pageCount} page${document.pageCount === 1 ? '' : 's'})`;
  return `${document.encoding}${pages}`;
}

function where_(evidence: Evidence): string {
  return evidence.page === undefined ? `¶${evidence.passage + 1}` : `p. ${evidence.page} ¶${evidence.passage + 1}`;
}

/** Returns an excerpt of the evidence passage around its first term, terms highlighted. */
export function highlight(evidence: Evidence, paint: Paint, max = EXCERPT): string {
  const excerpt = excerptOf({ ...evidence, text: sanitizeForTerminal(evidence.text) }, max);
  if (paint.level === 0 || evidence.terms.length === 0) return `“${excerpt}”`;
  const pattern = new RegExp(
    evidence.terms
      .map((t) => sanitizeForTerminal(t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .sort((a, b) => b.length - a.length)
      .join('|'),
    'giu',
  );
  return `“${excerpt.replace(pattern, (m) => paint.bold.yellow(m))}”`;
}

function listTable(report: Extract<Report, { kind: 'list' }>, { paint }: TableContext): string {
  const rows: string[][] = [];
  for (const d of report.documents) {
    const where = [d.meta.country?.join(';'), d.meta.region].filter((x) => x !== undefined && x !== '').join(' · ');
    rows.push([
      sanitizeForTerminal(d.id) + (d.stale ? paint.yellow(' *') : ''),
      d.meta.level ?? paint.dim('—'),
      truncate(where, 22) || paint.dim('—'),
      sanitizeForTerminal(d.meta.date ?? '') || paint.dim('—'),
      d.language,
      d.themes.map((t) => themeCode(t.id)).join(' ') || paint.dim('none'),
    ]);
  }
  const stale = report.documents.some((d) => d.stale) ? `\n${paint.yellow('*')} stale: analysed with another taxonomy version or edited by hand; run \`aipolicy refresh\`` : '';
  const table = renderRows(['id', 'level', 'where', 'date', 'lang', 'themes'], rows);
  return `${table}\n${paint.dim(themeLegend())}\n${report.documents.length} document${report.documents.length === 1 ? '' : 's'}${stale}\n`;
}

function taxonomyTable(report: Extract<Report, { kind: 'taxonomy' }>, { paint }: TableContext): string {
  const t = report.taxonomy;
  const table = makeTable(['theme', 'concepts', 'nl', 'fr', 'de', 'en'], ['left', 'right', 'right', 'right', 'right', 'right']);
  for (const theme of t.themes) {
    table.push([theme.id, theme.concepts, theme.terms.nl, theme.terms.fr, theme.terms.de, theme.terms.en]);
  }
  const lines = [`${paint.bold('Taxonomy')} ${t.version}`, table.toString()];
  if (t.checked) {
    if (t.problems.length === 0) lines.push(`${paint.green('OK')} every concept has terms in nl, fr, de and en; no term is claimed by two themes`);
    else {
      lines.push(`${paint.red('PROBLEMS')} ${t.problems.length}:`);
      for (const p of t.problems) lines.push(`  ${p.theme}${p.concept ? `/${p.concept}` : ''}: ${p.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
