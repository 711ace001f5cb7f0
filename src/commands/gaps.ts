// aipolicy gaps: for each ordered pair of groups, the themes the first covers and the second does not, marked with the competences.
import { Command } from './commander.js';
import { buildCorpusCoverage, buildMarkedGaps, buildScope } from '../workflows/analysis.js';
import { completeOutputEvidence, loadComparison, withCompareOptions } from './compare-options.js';
import { emit, type CommandContext } from './context.js';

/** Returns the gaps command. */
export function gapsCommand(context: CommandContext): Command {
  const command = new Command('gaps')
    .description('print the themes one group covers and another does not, each marked real gap, not competent or covered by a higher level')
    .option('--competence <file>', 'competence data to mark gaps with (default: taxonomy/competence.yml)');
  return withCompareOptions(command, 'gaps').action(async (options: Record<string, unknown>) => {
    const { format, settings, corpus } = await loadComparison(options, context, 'gaps');
    const coverage = buildCorpusCoverage(corpus, settings);
    const gaps = await buildMarkedGaps(corpus, settings, coverage, options['competence'] as string | undefined);
    await completeOutputEvidence(corpus, coverage, { evidence: settings.evidence, format });
    await emit(context, { kind: 'gaps', gaps, scope: buildScope(corpus, settings, gaps.competenceVersion) }, format);
  });
}
