// aipolicy diff <corpusA> <corpusB> | diff --since <rev>: the themes each group gained or lost, and the documents that caused it.
import { Command } from './commander.js';
import { diffSnapshots } from '../core/diff.js';
import { UsageError } from '../errors.js';
import { loadComparison, withCompareOptions } from './compare-options.js';
import { emit, resolveCorpus, type CommandContext } from './context.js';

/** Returns the diff command. */
export function diffCommand(context: CommandContext): Command {
  const command = new Command('diff')
    .description('compare two corpus snapshots (two folders, or --since a git revision against the working folder): themes gained and lost per group')
    .argument('[before]', 'corpus folder before (not with --since)')
    .argument('[after]', 'corpus folder after (not with --since)')
    .option('--since <revision>', 'compare the corpus folder as committed at this git revision with the folder as it is now');
  return withCompareOptions(command, 'diff').action(async (before: string | undefined, after: string | undefined, options: Record<string, unknown>) => {
    const since = options['since'] as string | undefined;
    if (since !== undefined && before !== undefined) throw new UsageError('diff takes two folders or --since <revision>, not both');
    if (since === undefined && (before === undefined || after === undefined)) throw new UsageError('diff needs two corpus folders, or --since <revision>');
    const dirA = since === undefined ? before! : resolveCorpus(options, context);
    const dirB = since === undefined ? after! : dirA;
    const a = await loadComparison(options, context, 'diff', dirA, since);
    const b = await loadComparison(options, context, 'diff', dirB);
    const diff = diffSnapshots(
      { label: since === undefined ? dirA : `${dirA} at ${since}`, documents: a.corpus.documents },
      { label: dirB, documents: b.corpus.documents },
      { themes: b.corpus.themes, ...b.settings },
    );
    await emit(context, { kind: 'diff', diff }, b.format);
  });
}
