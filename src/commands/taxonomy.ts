// aipolicy taxonomy [--check]: the themes and their term counts per language; --check exits 1 on a parity problem.
import { Command } from './commander.js';
import { compileLexicon, findStemCollisions } from '../core/lexicon.js';
import { checkTaxonomy, TAXONOMY_LANGUAGES } from '../core/taxonomy.js';
import { EXIT } from '../errors.js';
import type { TaxonomyReport } from '../model.js';
import { readTaxonomy } from '../io/read-taxonomy.js';
import { checkFormat, emit, withFormat, type CommandContext } from './context.js';

/** Returns the taxonomy command. */
export function taxonomyCommand(context: CommandContext): Command {
  const command = new Command('taxonomy')
    .description('show the eight themes with their concept and term counts per language')
    .option('--check', 'exit 1 when a concept lacks a language or a term is claimed by two themes')
    .option('--dir <dir>', 'taxonomy folder to read (default: the one shipped with the tool)');
  return withFormat(command).action(async (options: Record<string, unknown>) => {
    const format = String(options['format']);
    checkFormat(format);
    const taxonomy = readTaxonomy(options['dir'] as string | undefined);
    const checked = options['check'] === true;
    const report: TaxonomyReport = {
      version: taxonomy.version,
      themes: taxonomy.themes.map((t) => ({
        id: t.id,
        label: t.label,
        scope: t.scope,
        concepts: t.concepts.length,
        terms: Object.fromEntries(
          TAXONOMY_LANGUAGES.map((l) => [l, t.concepts.reduce((n, c) => n + c.terms[l].length, 0)]),
        ) as TaxonomyReport['themes'][number]['terms'],
      })),
      problems: checked ? [...checkTaxonomy(taxonomy), ...findStemCollisions(compileLexicon(taxonomy))] : [],
      checked,
    };
    await emit(context, { kind: 'taxonomy', taxonomy: report }, format);
    if (checked && report.problems.length > 0) context.raise(EXIT.checkFailed);
  });
}
