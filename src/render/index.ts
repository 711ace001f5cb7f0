// The name → renderer table. Each format renders every kind of report it supports.
import { UsageError } from '../errors.js';
import type {
  CoverageCheck,
  DocumentView,
  Explanation,
  GapReport,
  IngestResult,
  OverlapMatrix,
  TagResult,
  TaxonomyReport,
  VerifyReport,
} from '../model.js';
import { renderJson } from './json.js';
import { renderTable } from './table.js';

/** Everything a command can hand to a renderer. */
export type Report =
  | { kind: 'tag'; results: TagResult[] }
  | { kind: 'ingest'; results: IngestResult[]; dryRun: boolean; skipped?: Array<{ source: string; reason: string }> }
  | { kind: 'list'; documents: DocumentView[] }
  | { kind: 'show'; document: DocumentView; body: string }
  | { kind: 'overlap'; overlap: OverlapMatrix }
  | { kind: 'gaps'; gaps: GapReport }
  | { kind: 'coverage'; check: CoverageCheck }
  | { kind: 'taxonomy'; taxonomy: TaxonomyReport }
  | { kind: 'explain'; explanation: Explanation }
  | { kind: 'verify'; verify: VerifyReport };

/** Options every renderer receives; colour is decided once, in the shell. */
export interface RenderOptions {
  color: boolean;
  /** Terminal width, for wrapping long text. */
  width: number;
}

/** A renderer: report in, text out (ending with a newline). */
export type Renderer = (report: Report, options: RenderOptions) => string;

const RENDERERS: Record<string, Renderer> = {
  table: renderTable,
  json: renderJson,
};

/** Returns the names of the output formats. */
export function formatNames(): string[] {
  return Object.keys(RENDERERS);
}

/** Returns the renderer for a format name; throws UsageError for an unknown one. */
export function getRenderer(format: string): Renderer {
  const renderer = RENDERERS[format];
  if (!renderer) throw new UsageError(`unknown format "${format}" (use ${formatNames().join(', ')})`);
  return renderer;
}
