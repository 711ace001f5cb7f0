// Reads the taxonomy data files shipped with the package (taxonomy/ next to dist/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { buildTaxonomy, type Taxonomy } from '../core/taxonomy.js';
import { TaxonomyError } from '../errors.js';

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
