// aipolicy gaps: for each ordered pair of groups, the themes the first covers and the second does not.
import { Command } from 'commander';
import { buildGaps } from '../core/compare.js';
import { loadCoverage, withCompareOptions } from './compare-options.js';
import { emit, type CommandContext } from './context.js';

/** Returns the gaps command. */
export function gapsCommand(context: CommandContext): Command {
  return withCompareOptions(new Command('gaps').description('print the themes one group covers and another does not, for every ordered pair')).action(
    async (options: Record<string, unknown>) => {
      const { coverage, format } = await loadCoverage(options, context);
      emit(context, { kind: 'gaps', gaps: buildGaps(coverage) }, format);
    },
  );
}
