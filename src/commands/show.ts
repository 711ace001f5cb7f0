// aipolicy show <id>: one stored document, its metadata, themes and evidence.
import { Command } from './commander.js';
import { UsageError } from '../errors.js';
import { findStored } from '../io/corpus-store.js';
import { viewDocuments } from '../workflows/corpus.js';
import { openTaxonomy } from '../workflows/taxonomy-source.js';
import { indexFolder } from '../io/corpus-index.js';
import { checkFormat, emit, resolveCorpus, withCorpus, withFormat, type CommandContext } from './context.js';
import { assertCorpusExists } from '../io/corpus-store.js';
import { isDocumentId } from '../core/meta.js';

/** Returns the show command. */
export function showCommand(context: CommandContext): Command {
  const command = new Command('show').description('show one stored document: metadata, language, themes and their evidence').argument('<id>', 'document id (see aipolicy list)');
  withFormat(withCorpus(command)).action(async (id: string, options: Record<string, unknown>) => {
    const format = String(options['format']);
    checkFormat(format);
    const dir = resolveCorpus(options, context);
    await assertCorpusExists(dir);
    if (!isDocumentId(id)) throw new UsageError(`"${id}" is not a document id (see aipolicy list)`);
    const stored = await findStored(dir, id);
    if (!stored) throw new UsageError(`no document "${id}" in corpus ${dir} (see aipolicy list)`);
    const [document] = await viewDocuments([stored], openTaxonomy(undefined, indexFolder(context.env)));
    await emit(context, { kind: 'show', document: document!, body: stored.body }, format);
  });
  return command;
}
