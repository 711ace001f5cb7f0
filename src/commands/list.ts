// aipolicy list: the documents of the corpus, one line each.
import { Command } from './commander.js';
import { listIndexedCorpus } from '../workflows/analysis.js';
import { openTaxonomy } from '../workflows/taxonomy-source.js';
import { indexFolder } from '../io/corpus-index.js';
import { checkFormat, emit, reportFileErrors, resolveCorpus, withCorpus, withFormat, type CommandContext } from './context.js';

/** Returns the list command. */
export function listCommand(context: CommandContext): Command {
  const command = new Command('list').description('list the documents of the corpus with level, place, language and themes');
  withFormat(withCorpus(command)).action(async (options: Record<string, unknown>) => {
    const format = String(options['format']);
    checkFormat(format);
    const cacheDir = indexFolder(context.env);
    const corpus = await listIndexedCorpus(resolveCorpus(options, context), openTaxonomy(undefined, cacheDir), cacheDir);
    reportFileErrors(context, corpus.problems);
    await emit(context, { kind: 'list', documents: corpus.documents }, format);
  });
  return command;
}
