// aipolicy coverage --require …: the CI gate. Exit 1 naming every shortfall (and every theme lost against a baseline), 0 when all are met.
import { Command } from './commander.js';
import { describeBaselineMismatch, findLost, parseBaseline } from '../core/baseline.js';
import { checkCoverage } from '../core/compare.js';
import { EXIT, UsageError } from '../errors.js';
import { readJsonFile } from '../io/read-json.js';
import { buildCorpusCoverage, buildScope } from '../workflows/analysis.js';
import { completeOutputEvidence, loadComparison, withCompareOptions } from './compare-options.js';
import { emit, type CommandContext } from './context.js';

/** Returns the coverage command. */
export function coverageCommand(context: CommandContext): Command {
  const command = new Command('coverage')
    .description('check that every group covers the required themes; exit 1 naming each shortfall')
    .option('--require <themes>', 'all, or theme ids separated by commas', 'all')
    .option('--baseline <file>', 'a previous `coverage --format json` output: also fail on every theme a group covered then and does not now');
  return withCompareOptions(command, 'coverage').action(async (options: Record<string, unknown>) => {
    const { format, settings, corpus } = await loadComparison(options, context, 'coverage');
    const required = parseRequired(String(options['require']), corpus.themes);
    const coverage = buildCorpusCoverage(corpus, settings);
    const file = options['baseline'] as string | undefined;
    const baseline = file === undefined ? undefined : parseBaseline(await readJsonFile(file), file);
    const mismatch = baseline && describeBaselineMismatch(baseline, coverage, settings.filters);
    if (mismatch) throw new UsageError(`--baseline ${file}: ${mismatch}`);
    const check = checkCoverage(coverage, required, baseline ? findLost(coverage, baseline) : [], file);
    await completeOutputEvidence(corpus, coverage, { evidence: settings.evidence, format });
    await emit(context, { kind: 'coverage', check, scope: buildScope(corpus, settings) }, format);
    if (!check.passed) context.raise(EXIT.checkFailed);
  });
}

function parseRequired(value: string, themes: string[]): string[] {
  if (value.trim() === 'all') return themes;
  const ids = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length === 0) throw new UsageError('--require needs "all" or theme ids');
  for (const id of ids) {
    if (!themes.includes(id)) throw new UsageError(`--require: unknown theme "${id}" (themes: ${themes.join(', ')})`);
  }
  return [...new Set(ids)];
}
