// aipolicy tag <files…|->: language and themes with evidence, without storing anything.
import { Command } from './commander.js';
import { EXIT, formatMessage } from '../errors.js';
import { loadLexicon } from '../workflows/lexicon.js';
import { tagPaths } from '../workflows/tag.js';
import { checkFormat, emit, metaOverridesOf, withFormat, withMetaFlags, type CommandContext } from './context.js';

/** Returns the tag command. */
export function tagCommand(context: CommandContext): Command {
  const command = new Command('tag')
    .description('print the language and themes of documents, with the passages and terms behind each theme')
    .argument('<paths...>', 'files or folders; - reads standard input');
  withMetaFlags(withFormat(command)).action(async (paths: string[], options: Record<string, unknown>) => {
    const format = String(options['format']);
    checkFormat(format);
    const { results, skipped } = await tagPaths(paths, { lexicon: loadLexicon(), overrides: metaOverridesOf(options), stdin: context.stdin });
    for (const skip of skipped) context.err(`${formatMessage(skip.source, `skipped (${skip.reason})`)}\n`);
    for (const r of results) if (r.error !== undefined) context.err(`${formatMessage(r.source, r.error)}\n`);
    if (results.some((r) => r.error !== undefined)) context.raise(EXIT.input);
    await emit(context, { kind: 'tag', results }, format);
  });
  return command;
}
