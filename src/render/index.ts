// The name → renderer table, with every renderer loaded (for the library and tests; the CLI
// loads one renderer at a time through formats.ts).
import { checkFormatName, type Renderer, type ReportKind } from './formats.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';
// Library users may ask the table renderer for colour.
import './colour.js';

export { formatNames, loadRenderer, type Renderer, type RenderOptions, type Report, type ReportKind } from './formats.js';

const RENDERERS: Record<string, Renderer> = {
  table: renderTable,
  json: renderJson,
  csv: renderCsv,
  markdown: renderMarkdown,
  html: renderHtml,
  junit: renderJunit,
};

/** Returns the renderer for a format name; throws UsageError for an unknown format or one that cannot render `kind`. */
export function getRenderer(format: string, kind?: ReportKind): Renderer {
  checkFormatName(format, kind);
  return RENDERERS[format]!;
}
