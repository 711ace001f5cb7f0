// Matrices that stay readable at 80 columns: long group names become numbers with a legend, and a matrix
// wider than the terminal is cut into several tables that each repeat the row labels.
import { stripVTControlCharacters } from 'node:util';
import type { Group } from '../model.js';
import { makeTable } from './table.js';
import { sanitizeForTerminal, truncate } from './text-safe.js';

/** Group names longer than this are shown as `#n` with a legend under the table. */
const MAX_HEAD = 12;

/** Column heads of a matrix's groups, and the legend lines when names were replaced by numbers. */
export interface GroupHeads {
  heads: string[];
  rows: string[];
  legend: string[];
}

/** Returns the labels of the groups for column heads (with the group size) and row labels, numbered when names are long. */
export function labelGroups(groups: Group[], width: number): GroupHeads {
  const numbered = groups.some((g) => g.key.length > MAX_HEAD);
  const name = (g: Group, i: number): string => (numbered ? `#${i + 1}` : sanitizeForTerminal(g.key));
  return {
    heads: groups.map((g, i) => `${name(g, i)}\n(${g.documents.length})`),
    rows: groups.map(name),
    legend: numbered ? groups.map((g, i) => `#${i + 1} ${truncate(g.key, width - 12)} (${g.documents.length})`) : [],
  };
}

/** Returns one or more tables showing the matrix within `width` columns; every table repeats the first column. */
export function renderFittedMatrix(corner: string, heads: string[], rows: string[][], width: number): string {
  const columns = heads.length;
  const widthOf = (texts: string[]): number => Math.max(...texts.flatMap((t) => t.split('\n')).map((t) => stripVTControlCharacters(t).length)) + 3;
  const first = widthOf([corner, ...rows.map((r) => r[0]!)]) + 1;
  const widths = heads.map((h, c) => widthOf([h, ...rows.map((r) => r[c + 1]!)]));
  const chunks: number[][] = [];
  let current: number[] = [];
  let used = first;
  widths.forEach((w, c) => {
    if (current.length > 0 && used + w > Math.max(width, 40)) {
      chunks.push(current);
      current = [];
      used = first;
    }
    current.push(c);
    used += w;
  });
  if (current.length > 0 || columns === 0) chunks.push(current);
  return chunks
    .map((cols) => {
      const table = makeTable([corner, ...cols.map((c) => heads[c]!)], ['left', ...cols.map(() => 'center' as const)]);
      for (const row of rows) table.push([row[0]!, ...cols.map((c) => row[c + 1]!)]);
      return table.toString();
    })
    .join('\n');
}
