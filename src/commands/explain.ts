// aipolicy explain <document> [--theme <id>]: why each theme is asserted, passage by passage.
import { Command } from './commander.js';
import { explainDocument } from '../workflows/explain.js';
import { loadLexicon } from '../workflows/lexicon.js';
import { checkFormat, emit, resolveCorpus, withCorpus, withFormat, type CommandContext } from './context.js';

/** Returns the explain command. */
export function explainCommand(context: CommandContext): Command {
  const command = new Command('explain')
    .description('show why a document carries each theme: its passages, matched terms and scores')
    .argument('<document>', 'a document id of the corpus, a file, or - for standard input')
    .option('--theme <id>', 'explain this theme only, asserted or not');
  return withFormat(withCorpus(command)).action(async (ref: string, options: Record<string, unknown>) => {
    const format = String(options['format']);
    checkFormat(format);
    const explanation = await explainDocument(ref, {
      corpus: resolveCorpus(options, context),
      lexicon: loadLexicon(),
      ...(typeof options['theme'] === 'string' ? { theme: options['theme'] } : {}),
      stdin: context.stdin,
    });
    await emit(context, { kind: 'explain', explanation }, format);
  });
}
