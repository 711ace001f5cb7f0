// aipolicy overlap: theme × group coverage and group × group overlap; with --theme, the passages on both sides.
import { Command } from './commander.js';
import { buildOverlap } from '../core/compare.js';
import { buildCorpusCoverage, buildScope } from '../workflows/analysis.js';
import { completeOutputEvidence, loadComparison, parseTheme, withCompareOptions } from './compare-options.js';
import { emit, type CommandContext } from './context.js';

/** Returns the overlap command. */
export function overlapCommand(context: CommandContext): Command {
  const command = new Command('overlap')
    .description('print which groups cover which themes, and the themes each pair of groups shares')
    .option('--theme <id>', 'also show, for each pair of groups covering this theme, the passages on both sides');
  return withCompareOptions(command, 'overlap').action(async (options: Record<string, unknown>) => {
    const { format, settings, corpus } = await loadComparison(options, context, 'overlap');
    const theme = typeof options['theme'] === 'string' ? parseTheme(options['theme'], corpus.themes, '--theme') : undefined;
    const coverage = buildCorpusCoverage(corpus, settings, theme);
    const overlap = buildOverlap(coverage, theme);
    await completeOutputEvidence(corpus, coverage, { evidence: settings.evidence, format, overlap });
    await emit(context, { kind: 'overlap', overlap, scope: buildScope(corpus, settings) }, format);
  });
}
