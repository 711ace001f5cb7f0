// The taxonomy for commands that read a corpus: its version and theme ids (from a cache when the
// taxonomy files are unchanged), parsed and compiled into a lexicon only if a stored analysis turns
// out to be stale. Stemmers and language models are loaded with it, so a corpus whose analyses are
// current is compared without them.
import type { Lexicon } from '../core/lexicon.js';
import type { Taxonomy } from '../core/taxonomy.js';
import { readTaxonomy, readTaxonomyStamp } from '../io/read-taxonomy.js';

/** The taxonomy's version and theme ids now; the taxonomy and its lexicon on demand (each built once). */
export interface TaxonomySource {
  version: string;
  themeIds: string[];
  taxonomy: () => Taxonomy;
  lexicon: () => Promise<Lexicon>;
}

/** Returns a source over the taxonomy in `dir` (default: the shipped one), caching its stamp in `cacheDir`. */
export function openTaxonomy(dir?: string, cacheDir?: string): TaxonomySource {
  const stamp = readTaxonomyStamp(dir, cacheDir);
  let parsed: Taxonomy | undefined;
  let compiled: Promise<Lexicon> | undefined;
  const taxonomy = () => (parsed ??= readTaxonomy(dir));
  return {
    ...stamp,
    taxonomy,
    lexicon: () => (compiled ??= import('../core/lexicon.js').then((m) => m.compileLexicon(taxonomy()))),
  };
}

/** Returns a source over an already compiled lexicon. */
export function sourceOf(lexicon: Lexicon): TaxonomySource {
  return {
    version: lexicon.taxonomy.version,
    themeIds: lexicon.taxonomy.themes.map((t) => t.id),
    taxonomy: () => lexicon.taxonomy,
    lexicon: async () => lexicon,
  };
}
