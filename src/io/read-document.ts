// Bytes of an input → a parsed document: decoded (or extracted from PDF, HTML, DOCX), normalised,
// front matter or the file's own metadata applied, id chosen.
import { extname } from 'node:path';
import { decodeBytes } from '../core/decode.js';
import { detectFormat } from '../core/format.js';
import { buildDocumentId, buildMeta, isDocumentId, type MetaOverrides } from '../core/meta.js';
import { joinPages } from '../core/pages.js';
import { hashText } from '../core/record.js';
import { normaliseText, trimLineEnds } from '../core/text.js';
import { InputError } from '../errors.js';
import type { ParsedDocument } from '../model.js';
import { parseFrontMatter } from './front-matter.js';
import { loadDocx } from './load-docx.js';
import { loadHtml } from './load-html.js';
import { loadPdf } from './load-pdf.js';
import { baseNameOf } from './read-input.js';

/** What a format loader gives back: the text (or one text per page), the file's own metadata, the encoding. */
export interface ExtractedDocument {
  /** One text per page, for paged sources (PDF). */
  pages?: string[];
  text?: string;
  /** Metadata the file declares (title, date, publisher, source), as front matter would give it. */
  meta: Record<string, unknown>;
  encoding: string;
  languageHint?: string;
}

/** Options for reading a document: metadata overrides and an explicit id. */
export interface ReadDocumentOptions {
  overrides?: MetaOverrides;
  id?: string;
}

/** Returns the parsed document in whatever format the bytes are (text, Markdown, HTML, PDF, DOCX); throws InputError naming the source. */
export async function readDocument(bytes: Uint8Array, source: string, options: ReadDocumentOptions = {}): Promise<ParsedDocument> {
  const format = detectFormat(source === '-' ? '' : extname(source), bytes);
  if (format === 'text') return parseDocumentBytes(bytes, source, options);
  const load = format === 'pdf' ? loadPdf : format === 'html' ? loadHtml : loadDocx;
  return buildExtracted(await load(bytes, source), source, options);
}

/** Returns the parsed document of extracted text: page offsets kept, metadata from the file unless flags say otherwise. */
export function buildExtracted(extracted: ExtractedDocument, source: string, options: ReadDocumentOptions = {}): ParsedDocument {
  const meta = buildMeta(extracted.meta, options.overrides ?? {}, source);
  const tidyPage = (text: string): string => trimLineEnds(normaliseText(text));
  let body: string;
  let pages: number[] | undefined;
  if (extracted.pages) {
    ({ body, pages } = joinPages(extracted.pages.map(tidyPage)));
  } else {
    body = tidyBody(tidyPage(extracted.text ?? ''));
  }
  if (body.trim() === '') throw new InputError(source, 'no text: the document is empty or only whitespace');
  const contentHash = hashText(body);
  const id = chooseId(options.id, source, meta.title, contentHash);
  const hint = extracted.languageHint;
  return { source, id, meta, body, contentHash, encoding: extracted.encoding, ...(pages ? { pages } : {}), ...(hint ? { languageHint: hint } : {}) };
}

/** Returns the parsed document of a text or Markdown file; throws InputError naming the source for anything unusable. */
export function parseDocumentBytes(bytes: Uint8Array, source: string, options: ReadDocumentOptions = {}): ParsedDocument {
  const { text, encoding } = decodeBytes(bytes, source);
  const normalised = normaliseText(text);
  const { data, body: rawBody } = parseFrontMatter(normalised, source);
  const meta = buildMeta(data, options.overrides ?? {}, source);
  const body = tidyBody(rawBody);
  if (body === '') throw new InputError(source, 'no text: the document is empty or only whitespace');
  const contentHash = hashText(body);
  const id = chooseId(options.id ?? stringField(data['id']), source, meta.title, contentHash);
  const hint = stringField(data['language']);
  return { source, id, meta, body, contentHash, encoding, ...(hint ? { languageHint: hint } : {}) };
}

// Trailing spaces on lines and blank lines at either end carry nothing and would make hashes flap.
function tidyBody(body: string): string {
  const trimmed = trimLineEnds(body).replace(/^\n+/, '').trimEnd();
  return trimmed === '' ? '' : `${trimmed}\n`;
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function chooseId(explicit: string | undefined, source: string, title: string | undefined, hash: string): string {
  if (explicit !== undefined) {
    if (!isDocumentId(explicit)) {
      throw new InputError(source, `id "${explicit}" is not valid: use lowercase letters, digits and dashes (at most 80)`);
    }
    return explicit;
  }
  const fromName = source === '-' ? '' : buildDocumentId(baseNameOf(source));
  if (fromName !== '') return fromName;
  const fromTitle = title ? buildDocumentId(title) : '';
  if (fromTitle !== '') return fromTitle;
  return `doc-${hash.slice('sha256:'.length, 'sha256:'.length + 12)}`;
}
