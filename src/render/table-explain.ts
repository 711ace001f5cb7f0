// `explain` for the terminal: each theme, its passages with highlighted terms, weights and scores.
import type { Paint } from './paint.js';
import type { Explanation, TermMatch } from '../model.js';
import type { TableContext } from './table.js';
import { sanitizeForTerminal } from './text-safe.js';

const DISCOUNT_NOTES = { list: 'one item of a list of themes', example: 'an example', title: 'in an office title' } as const;

/** Returns the explanation as terminal text. */
export function renderExplanation(explanation: Explanation, { paint }: TableContext): string {
  const lines: string[] = [paint.bold(sanitizeForTerminal(explanation.id))];
  if (explanation.meta.title) lines.push(`  title:    ${sanitizeForTerminal(explanation.meta.title)}`);
  lines.push(`  source:   ${sanitizeForTerminal(explanation.source)}`);
  lines.push(`  language: ${explanation.language}`);
  lines.push(
    paint.dim(
      `  A passage carries a theme at score ≥ ${explanation.passageThreshold}; the document when its passages combine to ≥ ${explanation.documentThreshold} (1 − Π(1 − score)).`,
    ),
  );
  if (explanation.themes.length === 0) lines.push('', '  No theme is asserted for this document.');
  for (const theme of explanation.themes) {
    lines.push('');
    const verdict = theme.asserted ? paint.green(`asserted, score ${theme.score.toFixed(2)}`) : paint.yellow('not asserted');
    lines.push(`${paint.bold(theme.id)}  ${verdict}  ${theme.passages.length} passage${theme.passages.length === 1 ? '' : 's'} mention it`);
    if (theme.passages.length === 0) lines.push('  no term of this theme appears in the document');
    for (const p of theme.passages) {
      const where = `${p.page === undefined ? '' : `p. ${p.page} `}¶${p.passage + 1}`;
      const mark = p.asserted ? paint.green('carries it') : paint.dim('below the threshold');
      lines.push(`  ${where}  score ${p.score.toFixed(2)}  ${mark}`);
      lines.push(`    ${highlightAll(p.text, p.matches, paint)}`);
      lines.push(`    ${paint.dim(`terms: ${p.matches.map(describeMatch).join('; ')}`)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function describeMatch(m: TermMatch): string {
  const note = m.discount === undefined ? '' : `, ${DISCOUNT_NOTES[m.discount]}`;
  return `${sanitizeForTerminal(m.term)} (${m.concept} ${m.weight.toFixed(2)}${note})`;
}

// Marks every match in the passage: bold yellow with colour, [brackets] without.
function highlightAll(text: string, matches: TermMatch[], paint: Paint): string {
  const spans = [...matches].sort((a, b) => a.start - b.start).filter((m, i, all) => i === 0 || m.start >= all[i - 1]!.end);
  let out = '';
  let at = 0;
  for (const m of spans) {
    out += sanitizeForTerminal(text.slice(at, m.start));
    const term = sanitizeForTerminal(text.slice(m.start, m.end));
    out += paint.level === 0 ? `[${term}]` : paint.bold.yellow(term);
    at = m.end;
  }
  out += sanitizeForTerminal(text.slice(at));
  return out.replace(/\s+/g, ' ').trim();
}
