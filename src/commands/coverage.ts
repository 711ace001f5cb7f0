// aipolicy coverage --require …: the CI gate. Exit 1 naming every shortfall, 0 when all are met.
import { Command } from 'commander';
import { checkCoverage } from '../core/compare.js';
import { EXIT, UsageError } from '../errors.js';
import { loadCoverage, withCompareOptions } from './compare-options.js';
import { emit, type CommandContext } from './context.js';

/** Returns the coverage command. */
export function coverageCommand(context: CommandContext): Command {
  return withCompareOptions(
    new Command('coverage')
      .description('check that every group covers the required themes; exit 1 naming each shortfall')
      .option('--require <themes>', 'all, or theme ids separated by commas', 'all'),
  ).action(async (options: Record<string, unknown>) => {
    const { coverage, format } = await loadCoverage(options, context);
    const required = parseRequired(String(options['require']), coverage.themes);
    const check = checkCoverage(coverage, required);
    emit(context, { kind: 'coverage', check }, format);
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
