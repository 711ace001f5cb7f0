// Options and corpus loading shared by overlap, gaps and coverage.
import { Command, Option } from 'commander';
import { buildCoverage } from '../core/compare.js';
import type { CoverageMatrix, GroupBy } from '../model.js';
import { loadCorpus, toCompared } from '../workflows/corpus.js';
import { loadLexicon } from '../workflows/lexicon.js';
import { checkFormat, parseCount, reportFileErrors, resolveCorpus, withCorpus, withFormat, type CommandContext } from './context.js';

const GROUPINGS: GroupBy[] = ['level', 'country', 'region', 'document'];

/** Adds --by, --min-docs, --corpus and --format. */
export function withCompareOptions(command: Command): Command {
  return withFormat(withCorpus(command))
    .addOption(new Option('--by <field>', 'group documents by').choices(GROUPINGS).default('level'))
    .option('--min-docs <n>', 'documents a group needs on a theme to cover it', '1');
}

/** Returns the coverage matrix of the corpus for the command's options; reports unreadable corpus files. */
export async function loadCoverage(options: Record<string, unknown>, context: CommandContext): Promise<{ coverage: CoverageMatrix; format: string }> {
  const format = String(options['format']);
  checkFormat(format);
  const minDocs = parseCount(String(options['minDocs']), '--min-docs');
  const lexicon = loadLexicon();
  const corpus = await loadCorpus(resolveCorpus(options, context), lexicon);
  reportFileErrors(context, corpus.problems);
  const stale = corpus.documents.filter((d) => d.stale).length;
  if (stale > 0) {
    context.err(`aipolicy: ${stale} document${stale === 1 ? ' was' : 's were'} analysed with another taxonomy or edited by hand: recomputed in memory (run \`aipolicy refresh\` to store)\n`);
  }
  const themes = lexicon.taxonomy.themes.map((t) => t.id);
  const coverage = buildCoverage(corpus.documents.map(toCompared), themes, options['by'] as GroupBy, minDocs);
  return { coverage, format };
}
