// The diff between two corpus snapshots for the terminal: per group, themes gained (+) and lost (−) and why.
import type { CoverageDiff } from '../model.js';
import { diffSummary, diffTitle, describeCause } from './matrix-text.js';
import type { TableContext } from './table.js';
import { sanitizeForTerminal } from './text-safe.js';

/** Returns the diff as lines grouped by group, ending with a newline. */
export function renderDiffTable(diff: CoverageDiff, { paint }: TableContext): string {
  const lines = [paint.bold(sanitizeForTerminal(diffTitle(diff))), sanitizeForTerminal(diffSummary(diff))];
  let group: string | undefined;
  for (const change of diff.changes) {
    if (change.group !== group) {
      group = change.group;
      lines.push(paint.bold(sanitizeForTerminal(group)));
    }
    const mark = change.change === 'gained' ? paint.green('+ gained') : paint.red('− lost  ');
    lines.push(`  ${mark} ${change.theme}`);
    for (const d of change.documents) lines.push(`      ${sanitizeForTerminal(d.id)} ${paint.dim(`(${describeCause(d.cause, change.change)})`)}`);
  }
  if (diff.changes.length === 0) lines.push(`No ${diff.after.by} group gained or lost a theme.`);
  return `${lines.join('\n')}\n`;
}
