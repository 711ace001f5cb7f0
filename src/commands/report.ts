// aipolicy report --out report.html: coverage, overlap and gaps in one self-contained page (or Markdown, JSON, table).
import { Command } from './commander.js';
import { buildOverlap } from '../core/compare.js';
import { writeOutputFile } from '../io/write-output.js';
import { loadRenderer } from '../render/formats.js';
import { buildCorpusCoverage, buildMarkedGaps, buildScope } from '../workflows/analysis.js';
import { completeOutputEvidence, loadComparison, parseTheme, withCompareOptions } from './compare-options.js';
import type { CommandContext } from './context.js';

/** Returns the report command. */
export function reportCommand(context: CommandContext): Command {
  const command = new Command('report')
    .description('write one report with the coverage, overlap and gap heatmaps and their evidence (HTML by default)')
    .option('--out <file>', 'write the report to this file instead of standard output')
    .option('--theme <id>', 'add the passages on both sides of every pair of groups covering this theme')
    .option('--competence <file>', 'competence data to mark gaps with (default: taxonomy/competence.yml)');
  return withCompareOptions(command, 'report', 'html').action(async (options: Record<string, unknown>) => {
    const { format, settings, corpus } = await loadComparison(options, context, 'report');
    const theme = typeof options['theme'] === 'string' ? parseTheme(options['theme'], corpus.themes, '--theme') : undefined;
    const coverage = buildCorpusCoverage(corpus, settings, theme);
    const gaps = await buildMarkedGaps(corpus, settings, coverage, options['competence'] as string | undefined);
    // The page always carries the evidence behind each cell: a report must be explainable without the tool.
    const scope = buildScope(corpus, { ...settings, evidence: settings.evidence || format === 'html' }, gaps.competenceVersion);
    const overlap = buildOverlap(coverage, theme);
    await completeOutputEvidence(corpus, coverage, { evidence: scope.evidence, format, overlap });
    const render = await loadRenderer(format, 'report');
    const text = render({ kind: 'report', overlap, gaps, scope }, { color: false, width: context.width });
    const out = options['out'] as string | undefined;
    if (out === undefined || out === '-') return context.out(text);
    await writeOutputFile(out, text);
    context.err(`aipolicy: wrote ${out} (${corpus.documents.length} documents, ${coverage.groups.length} ${settings.by} groups)\n`);
  });
}
