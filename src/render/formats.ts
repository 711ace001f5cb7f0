// The output formats: which reports each can render, and its renderer, loaded only when used
// (a table command never loads the HTML or CSV renderers). Light on purpose: commands import it.
import { UsageError } from '../errors.js';
import type {
  AnalysisScope,
  CoverageCheck,
  CoverageDiff,
  DocumentView,
  Explanation,
  GapReport,
  IngestResult,
  ListedDocument,
  OverlapMatrix,
  TagResult,
  TaxonomyReport,
  VerifyReport,
} from '../model.js';
/** Everything a command can hand to a renderer. */
export type Report =
  | { kind: 'tag'; results: TagResult[] }
  | { kind: 'ingest'; results: IngestResult[]; dryRun: boolean; skipped?: Array<{ source: string; reason: string }> }
  | { kind: 'list'; documents: ListedDocument[] }
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

/** Format name → the kinds of report it can render and how to load its renderer. */
const FORMATS: Record<string, { kinds: readonly ReportKind[] | 'all'; load: (color: boolean) => Promise<Renderer> }> = {
  // chalk only when the table is to be coloured (see paint.ts).
  table: { kinds: 'all', load: async (color) => (await Promise.all([import('./table.js'), color ? import('./colour.js') : undefined]))[0].renderTable },
  json: { kinds: 'all', load: async () => (await import('./json.js')).renderJson },
  csv: { kinds: ANALYSES, load: async () => (await import('./csv.js')).renderCsv },
  markdown: { kinds: [...ANALYSES, 'report'], load: async () => (await import('./markdown.js')).renderMarkdown },
  html: { kinds: [...ANALYSES, 'report'], load: async () => (await import('./html.js')).renderHtml },
  junit: { kinds: ['coverage'], load: async () => (await import('./junit.js')).renderJunit },
};

/** Returns the names of the formats that can render `kind` (without a kind: those that render every kind). */
export function formatNames(kind?: ReportKind): string[] {
  return Object.entries(FORMATS)
    .filter(([, f]) => f.kinds === 'all' || (kind !== undefined && f.kinds.includes(kind)))
    .map(([name]) => name);
}

/** Throws UsageError for an unknown format or one that cannot render `kind`. */
export function checkFormatName(format: string, kind?: ReportKind): void {
  const names = formatNames(kind);
  if (!FORMATS[format] || !names.includes(format)) {
    const what = FORMATS[format] ? `format "${format}" is not available for ${kind ?? 'this command'}` : `unknown format "${format}"`;
    throw new UsageError(`${what} (use ${names.join(', ')})`);
  }
}

/** Returns the renderer of a format, loading it (with what colour needs when `color`); throws UsageError for an unknown format or one that cannot render `kind`. */
export async function loadRenderer(format: string, kind?: ReportKind, color = false): Promise<Renderer> {
  checkFormatName(format, kind);
  return FORMATS[format]!.load(color);
}
