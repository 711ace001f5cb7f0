// Options and corpus loading shared by overlap, gaps, coverage, report and diff.
import { Command, Option } from './commander.js';
import { parseFilter } from '../core/filter.js';
import { UsageError } from '../errors.js';
import type { CoverageMatrix, DocumentFilter, GroupBy, OverlapMatrix } from '../model.js';
import type { ReportKind } from '../render/formats.js';
import { citedEvidence, completeEvidence, loadComparedCorpus, type ComparedCorpus, type CompareSettings } from '../workflows/analysis.js';
import { indexFolder } from '../io/corpus-index.js';
import { openTaxonomy } from '../workflows/taxonomy-source.js';
import { checkFormat, parseCount, reportFileErrors, resolveCorpus, withCorpus, withFormat, type CommandContext } from './context.js';

const GROUPINGS: GroupBy[] = ['level', 'country', 'region', 'document', 'year', 'publisher'];

/** Adds --by, --min-docs, --min-score, the filters, --evidence, --corpus and --format. */
export function withCompareOptions(command: Command, kind: ReportKind, fallbackFormat = 'table'): Command {
  return withFormat(withCorpus(command), fallbackFormat, kind)
    .addOption(new Option('--by <field>', 'group documents by').choices(GROUPINGS).default('level'))
    .option('--min-docs <n>', 'documents a group needs on a theme to cover it', '1')
    .option('--min-score <x>', 'lowest document score (0–1) that counts for a theme', '0')
    .option('--where <field=values>', 'keep documents whose field has one of the values, e.g. level=federal,regional (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--country <codes>', 'keep documents of these countries, e.g. BE or BE,NL (same as --where country=…)')
    .option('--lang <codes>', 'keep documents in these languages, e.g. fr (same as --where language=…)')
    .option('--evidence', 'show the strongest evidence passage of every covered cell');
}

/** Returns the grouping, thresholds, filters and evidence flag of the command's options; throws UsageError for bad values. */
export function parseCompareSettings(options: Record<string, unknown>): CompareSettings {
  const filters: DocumentFilter[] = (options['where'] as string[]).map(parseFilter);
  if (typeof options['country'] === 'string') filters.push(parseFilter(`country=${options['country']}`));
  if (typeof options['lang'] === 'string') filters.push(parseFilter(`language=${options['lang']}`));
  return {
    by: options['by'] as GroupBy,
    minDocs: parseCount(String(options['minDocs']), '--min-docs'),
    minScore: parseScore(String(options['minScore'])),
    filters,
    evidence: options['evidence'] === true,
  };
}

function parseScore(value: string): number {
  const score = Number(value);
  if (value.trim() === '' || !Number.isFinite(score) || score < 0 || score > 1) throw new UsageError(`--min-score must be a number from 0 to 1 (got "${value}")`);
  return score;
}

/** Returns the format, settings and filtered corpus of a comparison; reports unreadable and stale files on stderr. */
export async function loadComparison(
  options: Record<string, unknown>,
  context: CommandContext,
  kind: ReportKind,
  dir: string = resolveCorpus(options, context),
  revision?: string,
): Promise<{ format: string; settings: CompareSettings; corpus: ComparedCorpus }> {
  const format = String(options['format']);
  checkFormat(format, kind);
  const settings = parseCompareSettings(options);
  const corpus = await loadComparedCorpus(dir, settings.filters, openTaxonomy(undefined, indexFolder(context.env)), revision, indexFolder(context.env));
  reportFileErrors(context, corpus.problems);
  if (corpus.stale > 0) {
    const where = revision === undefined ? dir : `${dir} at ${revision}`;
    context.err(`aipolicy: ${where}: ${corpus.stale} document${corpus.stale === 1 ? ' was' : 's were'} analysed with another taxonomy or edited by hand: recomputed in memory (run \`aipolicy refresh\` to store)\n`);
  }
  if (corpus.documents.length === 0 && settings.filters.length > 0) context.err(`aipolicy: no document of ${dir} passes the filters\n`);
  return { format, settings, corpus };
}

/** Returns the theme id given to an option, checked against the taxonomy; throws UsageError for an unknown one. */
export function parseTheme(value: string, themes: string[], flag: string): string {
  if (!themes.includes(value)) throw new UsageError(`${flag}: unknown theme "${value}" (themes: ${themes.join(', ')})`);
  return value;
}

/** Reads the evidence text an output will show: each cell's strongest passage when evidence is shown (always in HTML), and the passages of `--theme`. */
export async function completeOutputEvidence(
  corpus: ComparedCorpus,
  coverage: CoverageMatrix,
  show: { evidence: boolean; format: string; overlap?: OverlapMatrix },
): Promise<void> {
  const cited = show.evidence || show.format === 'html' ? citedEvidence(coverage) : [];
  const passages = show.overlap?.passages;
  const pairs = passages ? passages.pairs.flatMap((p) => [...p.aEvidence, ...p.bEvidence]).map((evidence) => ({ theme: passages.theme, evidence })) : [];
  await completeEvidence(corpus.documents, [...cited, ...pairs]);
}
