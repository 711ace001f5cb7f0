// aipolicy ingest <files, folders or globs…>: read, analyse and store documents in the corpus.
import { Command } from './commander.js';
import { suggestionFlags } from '../core/suggest.js';
import { EXIT, formatMessage, UsageError } from '../errors.js';
import { indexFolder } from '../io/corpus-index.js';
import { boundHeapGrowth } from '../io/heap.js';
import { openTaxonomy } from '../workflows/taxonomy-source.js';
import { AUTO_JOBS_MIN, ingestPaths, SHARED_FROM, type IngestReport } from '../workflows/ingest.js';
import { checkFormat, emit, metaOverridesOf, reportFileErrors, resolveCorpus, withCorpus, withFormat, withLockTimeout, withMetaFlags, writeOptionsOf, type CommandContext } from './context.js';
import { startProgress } from './progress.js';

/** Returns the ingest command. */
export function ingestCommand(context: CommandContext): Command {
  const command = new Command('ingest')
    .description('read documents (Markdown, text, HTML, PDF, DOCX; folders, globs, or - for stdin), detect language and themes, store them in the corpus')
    .argument('<paths...>', 'files, folders or quoted globs (\'docs/**/*.pdf\'); - reads standard input')
    .option('--dry-run', 'show what would be stored, write nothing')
    .option('--id <id>', 'document id (one input only; default: from front matter or file name)')
    .option('--jobs <n>', `threads analysing documents (default auto: from ${AUTO_JOBS_MIN} inputs a worker per core but one, from ${SHARED_FROM} this thread too; 1 = this thread only)`, 'auto');
  withLockTimeout(withMetaFlags(withFormat(withCorpus(command)))).action(async (paths: string[], options: Record<string, unknown>) => {
    const format = String(options['format']);
    checkFormat(format);
    const id = options['id'] as string | undefined;
    if (id !== undefined && paths.length !== 1) throw new UsageError('--id needs exactly one input');
    const writing = writeOptionsOf(options, context);
    const jobs = parseJobs(String(options['jobs']));
    boundHeapGrowth();
    const progress = startProgress(context.progress);
    const report = await ingestPaths(paths, {
      ...writing,
      corpus: resolveCorpus(options, context),
      taxonomy: openTaxonomy(undefined, indexFolder(context.env)),
      overrides: metaOverridesOf(options),
      ...(id === undefined ? {} : { id }),
      dryRun: options['dryRun'] === true,
      stdin: context.stdin,
      onProgress: progress.update,
      jobs,
      cacheDir: indexFolder(context.env),
    });
    progress.finish();
    reportMessages(context, report);
    await emit(context, { kind: 'ingest', results: report.results, dryRun: options['dryRun'] === true, skipped: report.skipped }, format);
  });
  return command;
}

function parseJobs(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new UsageError(`--jobs must be a number of threads from 1 to 999, or auto (got "${value}")`);
  return Number(value);
}

function reportMessages(context: CommandContext, report: IngestReport): void {
  for (const skip of report.skipped) context.err(`${formatMessage(skip.source, `skipped (${skip.reason})`)}\n`);
  reportFileErrors(context, report.corpusProblems);
  for (const r of report.results) {
    if (r.status === 'failed') context.err(`${formatMessage(r.source, r.error ?? 'failed')}\n`);
    else if (r.missing && r.status !== 'unchanged') {
      context.err(`${formatMessage(r.source, `no ${r.missing.join(' or ')} in front matter or flags (pass --${r.missing[0]}); it will be grouped under "(none)"`)}\n`);
      if (r.suggestion) context.err(`${formatMessage(r.source, `suggestion: ${suggestionFlags(r.suggestion)} (from ${r.suggestion.because.join(', ')})`)}\n`);
    }
  }
  if (report.results.some((r) => r.status === 'failed')) context.raise(EXIT.input);
}
