// Bytes of an input → a parsed document: decoded, normalised, front matter applied, id chosen.
import { decodeBytes } from '../core/decode.js';
import { buildMeta, isDocumentId, slugify, type MetaOverrides } from '../core/meta.js';
import { hashText } from '../core/record.js';
import { normaliseText } from '../core/text.js';
import { InputError } from '../errors.js';
import type { ParsedDocument } from '../model.js';
import { parseFrontMatter } from './front-matter.js';
import { baseNameOf } from './read-input.js';

/** Options for reading a document: metadata overrides and an explicit id. */
export interface ReadDocumentOptions {
  overrides?: MetaOverrides;
  id?: string;
}

/** Returns the parsed document; throws InputError naming the source for anything unusable. */
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
  const trimmed = body.replace(/[ \t]+$/gm, '').replace(/^\n+/, '').trimEnd();
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
  const fromName = source === '-' ? '' : slugify(baseNameOf(source));
  if (fromName !== '') return fromName;
  const fromTitle = title ? slugify(title) : '';
  if (fromTitle !== '') return fromTitle;
  return `doc-${hash.slice('sha256:'.length, 'sha256:'.length + 12)}`;
}
