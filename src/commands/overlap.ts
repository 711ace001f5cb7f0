// aipolicy overlap: theme × group coverage and group × group overlap.
import { Command } from 'commander';
import { buildOverlap } from '../core/compare.js';
import { loadCoverage, withCompareOptions } from './compare-options.js';
import { emit, type CommandContext } from './context.js';

/** Returns the overlap command. */
export function overlapCommand(context: CommandContext): Command {
  return withCompareOptions(new Command('overlap').description('print which groups cover which themes, and the themes each pair of groups shares')).action(
    async (options: Record<string, unknown>) => {
      const { coverage, format } = await loadCoverage(options, context);
      emit(context, { kind: 'overlap', overlap: buildOverlap(coverage) }, format);
    },
  );
}
