// aipolicy refresh: re-analyse stored documents whose analysis is stale, and store the result.
import { Command } from './commander.js';
import { loadLexicon } from '../workflows/lexicon.js';
import { refreshCorpus } from '../workflows/refresh.js';
import { checkFormat, emit, reportFileErrors, resolveCorpus, withCorpus, withFormat, withLockTimeout, writeOptionsOf, type CommandContext } from './context.js';

/** Returns the refresh command. */
export function refreshCommand(context: CommandContext): Command {
  const command = new Command('refresh')
    .description('re-analyse documents stored with another taxonomy version or edited by hand')
    .option('--dry-run', 'show what would be updated, write nothing');
  return withLockTimeout(withFormat(withCorpus(command))).action(async (options: Record<string, unknown>) => {
    const format = String(options['format']);
    checkFormat(format);
    const dryRun = options['dryRun'] === true;
    const { results, problems } = await refreshCorpus(resolveCorpus(options, context), { ...writeOptionsOf(options, context), lexicon: loadLexicon(), dryRun });
    reportFileErrors(context, problems);
    await emit(context, { kind: 'ingest', results, dryRun }, format);
  });
}
