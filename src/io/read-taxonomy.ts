// Reads the taxonomy data files shipped with the package (taxonomy/ next to dist/).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTaxonomy, TAGGER_VERSION, type Taxonomy } from '../core/taxonomy.js';
import { TaxonomyError } from '../errors.js';
import { loadYaml } from './front-matter.js';

/** The folder of the taxonomy shipped with the tool: the nearest taxonomy/ above this module (src/ or dist/src/). */
export const TAXONOMY_DIR = findTaxonomyDir(dirname(fileURLToPath(import.meta.url)));

function findTaxonomyDir(start: string): string {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'taxonomy');
    if (existsSync(join(candidate, 'taxonomy.yml'))) return candidate;
    dir = dirname(dir);
  }
  return join(start, 'taxonomy');
}

/** Returns the validated taxonomy read from a folder (default: the shipped one). */
export function readTaxonomy(dir: string = TAXONOMY_DIR): Taxonomy {
  const load = (path: string): unknown => {
    try {
      const yaml = loadYaml();
      return yaml.load(readFileSync(path, 'utf8'), { schema: yaml.CORE_SCHEMA });
    } catch (error) {
      throw new TaxonomyError(`${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  };
  let names: string[];
  try {
    names = readdirSync(join(dir, 'themes')).filter((n) => n.endsWith('.yml')).sort();
  } catch {
    throw new TaxonomyError(`cannot read ${join(dir, 'themes')}`);
  }
  return buildTaxonomy({
    index: load(join(dir, 'taxonomy.yml')),
    cues: load(join(dir, 'cues.yml')),
    calibration: load(join(dir, 'calibration.yml')),
    themes: names.map((name) => ({ name: `themes/${name}`, data: load(join(dir, 'themes', name)) })),
  });
}

/** What a command that only reads a corpus needs of the taxonomy: its version and theme ids. */
export interface TaxonomyStamp {
  version: string;
  themeIds: string[];
}

/**
 * Returns the taxonomy's version and theme ids without parsing it when `cacheDir` already holds
 * them for the same file contents (a hash of the raw files and the tagger version); otherwise
 * parses the taxonomy and remembers the answer there.
 */
export function readTaxonomyStamp(dir: string = TAXONOMY_DIR, cacheDir?: string): TaxonomyStamp {
  const hash = createHash('sha256').update(`tagger ${TAGGER_VERSION}\n`);
  try {
    const names = readdirSync(join(dir, 'themes')).filter((n) => n.endsWith('.yml')).sort();
    for (const file of ['taxonomy.yml', 'cues.yml', 'calibration.yml', ...names.map((n) => join('themes', n))]) {
      hash.update(`${file}\n`).update(readFileSync(join(dir, file)));
    }
  } catch {
    // An unreadable taxonomy is reported by readTaxonomy below.
  }
  const file = cacheDir === undefined ? undefined : join(cacheDir, `taxonomy-${hash.digest('hex').slice(0, 24)}.json`);
  if (file !== undefined && existsSync(file)) {
    try {
      const stamp = JSON.parse(readFileSync(file, 'utf8')) as TaxonomyStamp;
      if (typeof stamp.version === 'string' && Array.isArray(stamp.themeIds)) return stamp;
    } catch {
      // A damaged cache file is rewritten below.
    }
  }
  const taxonomy = readTaxonomy(dir);
  const stamp = { version: taxonomy.version, themeIds: taxonomy.themes.map((t) => t.id) };
  if (file !== undefined) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(stamp));
      renameSync(`${file}.${process.pid}.tmp`, file);
    } catch {
      // Without the cache the next run parses the taxonomy again.
    }
  }
  return stamp;
}
