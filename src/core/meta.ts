// Document metadata: levels, validation of front matter fields, and document ids.
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { DocumentMeta, Level } from '../model.js';

/** Levels of government, from the EU down to municipalities: the order of every table. */
export const LEVELS: readonly Level[] = ['eu', 'benelux', 'national', 'federal', 'regional', 'local'];

/** Front matter keys a source document may carry; `url` is an alias of `source`. */
export const META_KEYS = ['id', 'title', 'level', 'country', 'region', 'date', 'publisher', 'source', 'url', 'language'] as const;

/** Metadata given on the command line; each field wins over front matter. */
export type MetaOverrides = Partial<Record<'title' | 'level' | 'country' | 'region' | 'date' | 'publisher' | 'source', string>>;

const DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const COUNTRY = /^(?:[A-Z]{2}|EU)$/;

/** Returns true when the value is one of the six levels. */
export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}

/** Returns validated metadata from front matter and overrides; throws InputError naming the field. */
export function buildMeta(data: Record<string, unknown>, overrides: MetaOverrides, file: string): DocumentMeta {
  const field = (name: string, value: unknown): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') throw new InputError(file, `front matter "${name}" must be text`);
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };
  const meta: DocumentMeta = {};
  const title = overrides.title ?? field('title', data['title']);
  if (title !== undefined) meta.title = title.replace(/\s+/g, ' ');
  const level = overrides.level ?? field('level', data['level']);
  if (level !== undefined) {
    const lower = level.toLowerCase();
    if (!isLevel(lower)) throw new InputError(file, `level "${level}" is not one of ${LEVELS.join(', ')}`);
    meta.level = lower;
  }
  const country = overrides.country ?? countryField(data['country'], file);
  if (country !== undefined) {
    const codes = country
      .split(/[;,\s]+/)
      .map((c) => c.trim().toUpperCase())
      .filter((c) => c !== '');
    for (const code of codes) {
      if (!COUNTRY.test(code)) throw new InputError(file, `country "${code}" is not a two-letter code (BE, NL, LU) or EU`);
    }
    if (codes.length > 0) meta.country = [...new Set(codes)];
  }
  const region = overrides.region ?? field('region', data['region']);
  if (region !== undefined) meta.region = region;
  const date = overrides.date ?? field('date', data['date']);
  if (date !== undefined) {
    if (!DATE.test(date)) throw new InputError(file, `date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    meta.date = date;
  }
  const publisher = overrides.publisher ?? field('publisher', data['publisher']);
  if (publisher !== undefined) meta.publisher = publisher;
  const source = overrides.source ?? field('source', data['source']) ?? field('url', data['url']);
  if (source !== undefined) meta.source = source;
  return meta;
}

function countryField(value: unknown, file: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    if (!value.every((v) => typeof v === 'string')) throw new InputError(file, 'front matter "country" must be codes');
    return value.join(';');
  }
  if (typeof value !== 'string') throw new InputError(file, 'front matter "country" must be text or a list');
  return value.trim() === '' ? undefined : value;
}

/** Longest document id; longer names keep their first 71 characters and get a hash suffix (buildDocumentId). */
export const MAX_ID_LENGTH = 80;
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

function toSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Returns a safe id: lowercase ASCII letters, digits and dashes, never a path, never empty ('' when nothing is left). */
export function slugify(text: string): string {
  const slug = toSlug(text).slice(0, MAX_ID_LENGTH).replace(/-+$/g, '');
  return WINDOWS_RESERVED.test(slug) ? `${slug}-doc` : slug;
}

/** Returns the id for a file name or title: its slug, or for a slug over 80 characters its beginning and 8 hex digits of its hash, so that long names sharing a beginning never share an id ('' when nothing is left). */
export function buildDocumentId(text: string): string {
  const full = toSlug(text);
  if (full.length <= MAX_ID_LENGTH) return slugify(text);
  const hash = createHash('sha256').update(full, 'utf8').digest('hex').slice(0, 8);
  return `${full.slice(0, MAX_ID_LENGTH - hash.length - 1).replace(/-+$/g, '')}-${hash}`;
}

/** Returns true when a string is already a valid document id. */
export function isDocumentId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ID_LENGTH && slugify(id) === id;
}

/** Returns the year of a date, or undefined. */
export function yearOf(meta: DocumentMeta): string | undefined {
  return meta.date?.slice(0, 4);
}
