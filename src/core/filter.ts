// Document filters for the comparisons: --where field=a,b, --country, --lang. Pure.
import { UsageError } from '../errors.js';
import type { ComparedDocument, DocumentFilter, FilterField } from '../model.js';
import { groupKeysOf } from './group.js';
import { LEVELS } from './meta.js';

/** Fields a filter may name. */
export const FILTER_FIELDS: readonly FilterField[] = ['level', 'country', 'region', 'document', 'year', 'publisher', 'language'];

const LANGUAGE_CODES = ['nl', 'fr', 'de', 'en', 'lb', 'und'];

/** Returns the filter of a `field=value,value` expression; throws UsageError for an unknown field or level. */
export function parseFilter(expression: string): DocumentFilter {
  const eq = expression.indexOf('=');
  const rawField = (eq === -1 ? '' : expression.slice(0, eq)).trim().toLowerCase();
  const field = (rawField === 'lang' ? 'language' : rawField) as FilterField;
  if (!FILTER_FIELDS.includes(field)) {
    throw new UsageError(`--where "${expression}": expected field=value[,value…] with field one of ${FILTER_FIELDS.join(', ')}`);
  }
  const values = [...new Set(expression.slice(eq + 1).split(',').map((v) => v.trim()).filter((v) => v !== ''))];
  if (values.length === 0) throw new UsageError(`--where "${expression}": no value after "="`);
  if (field === 'level') checkValues(values, LEVELS, '--where level');
  if (field === 'language') checkValues(values, LANGUAGE_CODES, '--where language');
  return { field, values };
}

function checkValues(values: string[], allowed: readonly string[], flag: string): void {
  for (const value of values) {
    if (!allowed.includes(value.toLowerCase())) throw new UsageError(`${flag}: "${value}" is not one of ${allowed.join(', ')}`);
  }
}

/** Returns true when the document passes every filter (a filter passes when any of its values matches). */
export function matchesFilters(doc: ComparedDocument, filters: DocumentFilter[]): boolean {
  return filters.every((filter) => {
    const keys = filter.field === 'language' ? [doc.language] : groupKeysOf(doc, filter.field);
    const lower = new Set(keys.map((k) => k.toLowerCase()));
    return filter.values.some((v) => lower.has(v.toLowerCase()));
  });
}

/** Returns the documents that pass every filter, in their order. */
export function filterDocuments(documents: ComparedDocument[], filters: DocumentFilter[]): ComparedDocument[] {
  return filters.length === 0 ? documents : documents.filter((d) => matchesFilters(d, filters));
}

/** Returns a filter as text, `field=a,b`. */
export function describeFilter(filter: DocumentFilter): string {
  return `${filter.field}=${filter.values.join(',')}`;
}
