// Reads the competence data: taxonomy/competence.yml shipped with the tool, or a file given with --competence.
import { loadYaml } from './front-matter.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCompetence } from '../core/competence.js';
import { InputError, TaxonomyError } from '../errors.js';
import type { Competence, ThemeId } from '../model.js';
import { describeFsError } from './read-input.js';
import { TAXONOMY_DIR } from './read-taxonomy.js';

/** The competence file shipped with the tool. */
export const COMPETENCE_FILE = join(TAXONOMY_DIR, 'competence.yml');

/** Returns the validated competence data; a broken shipped file is an internal error (3), a broken file of the user's an input error (2). */
export function readCompetence(themes: ThemeId[], file?: string): Competence {
  const path = file ?? COMPETENCE_FILE;
  const fail = (message: string): never => {
    throw file === undefined ? new TaxonomyError(`${path}: ${message}`) : new InputError(path, message);
  };
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    fail(describeFsError(error));
  }
  let data: unknown;
  try {
    const yaml = loadYaml();
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (error) {
    fail(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  const { competence, problems } = parseCompetence(data, themes);
  if (problems.length > 0) fail(`${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''}`);
  return competence;
}
