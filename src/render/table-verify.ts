// `verify` for the terminal: one line per problem, then a verdict.
import type { VerifyReport } from '../model.js';
import type { TableContext } from './table.js';
import { sanitizeForTerminal } from './text-safe.js';

/** Returns the problems of a corpus, one per line (`file: kind: message`), and a PASS or FAIL line. */
export function renderVerifyTable(report: VerifyReport, { paint }: TableContext): string {
  const documents = `${report.documents} document${report.documents === 1 ? '' : 's'}`;
  if (report.passed) return `${paint.green('PASS')} ${documents} in ${sanitizeForTerminal(report.corpus)}: no problems\n`;
  const lines = report.problems.map((p) => `${sanitizeForTerminal(p.file)}: ${paint.yellow(p.kind)}: ${sanitizeForTerminal(p.message)}`);
  const count = `${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`;
  return `${lines.join('\n')}\n${paint.red('FAIL')} ${count} in ${documents} in ${sanitizeForTerminal(report.corpus)}\n`;
}
