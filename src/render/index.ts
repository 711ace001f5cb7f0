// The name → renderer table. Each format renders every kind of report it supports.
import { UsageError } from '../errors.js';
import type {
  AnalysisScope,
  CoverageCheck,
  CoverageDiff,
  DocumentView,
  Explanation,
  GapReport,
  IngestResult,
  OverlapMatrix,
  TagResult,
  TaxonomyReport,
  VerifyReport,
} from '../model.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

/** Everything a command can hand to a renderer. */
export type Report =
  | { kind: 'tag'; results: TagResult[] }
  | { kind: 'ingest'; results: IngestResult[]; dryRun: boolean; skipped?: Array<{ source: string; reason: string }> }
  | { kind: 'list'; documents: DocumentView[] }
  | { kind: 'show'; document: DocumentView; body: string }
  | { kind: 'overlap'; overlap: OverlapMatrix; scope: AnalysisScope }
  | { kind: 'gaps'; gaps: GapReport; scope: AnalysisScope }
  | { kind: 'coverage'; check: CoverageCheck; scope: AnalysisScope }
  | { kind: 'diff'; diff: CoverageDiff }
  | { kind: 'report'; overlap: OverlapMatrix; gaps: GapReport; scope: AnalysisScope }
  | { kind: 'taxonomy'; taxonomy: TaxonomyReport }
  | { kind: 'explain'; explanation: Explanation }
  | { kind: 'verify'; verify: VerifyReport };

/** The kinds of report. */
export type ReportKind = Report['kind'];

/** Options every renderer receives; colour is decided once, in the shell. */
export interface RenderOptions {
  color: boolean;
  /** Terminal width, for wrapping long text. */
  width: number;
}

/** A renderer: report in, text out (ending with a newline). */
export type Renderer = (report: Report, options: RenderOptions) => string;

const ANALYSES: readonly ReportKind[] = ['overlap', 'gaps', 'coverage', 'diff'];

/** Format name → renderer and the kinds of report it can render. */
const FORMATS: Record<string, { render: Renderer; kinds: readonly ReportKind[] | 'all' }> = {
  table: { render: renderTable, kinds: 'all' },
  json: { render: renderJson, kinds: 'all' },
  csv: { render: renderCsv, kinds: ANALYSES },
  markdown: { render: renderMarkdown, kinds: [...ANALYSES, 'report'] },
  html: { render: renderHtml, kinds: [...ANALYSES, 'report'] },
  junit: { render: renderJunit, kinds: ['coverage'] },
};

/** Returns the names of the formats that can render `kind` (without a kind: those that render every kind). */
export function formatNames(kind?: ReportKind): string[] {
  return Object.entries(FORMATS)
    .filter(([, f]) => f.kinds === 'all' || (kind !== undefined && f.kinds.includes(kind)))
    .map(([name]) => name);
}

/** Returns the renderer for a format name; throws UsageError for an unknown format or one that cannot render `kind`. */
export function getRenderer(format: string, kind?: ReportKind): Renderer {
  const entry = FORMATS[format];
  const names = formatNames(kind);
  if (!entry || !names.includes(format)) {
    const what = entry ? `format "${format}" is not available for ${kind ?? 'this command'}` : `unknown format "${format}"`;
    throw new UsageError(`${what} (use ${names.join(', ')})`);
  }
  return entry.render;
}
