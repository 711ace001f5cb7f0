// Tables of a row per document are drawn in pieces (cli-table3 takes time that grows with the
// square of the rows); joined, the pieces are the very table cli-table3 draws in one go.
import { describe, expect, it } from 'vitest';
import { makeTable, renderRows, ROWS_PER_PIECE } from '../../src/render/table.js';

const rows = (count: number): string[][] =>
  Array.from({ length: count }, (_, i) => [`doc-${i}`, i % 3 ? 'regional' : 'eu', 'BE · Région wallonne'.slice(0, 4 + (i % 17)), i % 11 === 0 ? '—' : `20${10 + (i % 15)}`, i % 2 ? 'fr' : 'nl']);

function whole(head: string[], body: string[][], aligns?: Array<'left' | 'right'>): string {
  const table = makeTable(head, aligns);
  table.push(...body);
  return table.toString();
}

describe('renderRows', () => {
  it.each([ROWS_PER_PIECE + 1, 3 * ROWS_PER_PIECE, 7 * ROWS_PER_PIECE + 13])('%i rows: the same text as one table', (count) => {
    const head = ['id', 'level', 'where', 'date', 'lang'];
    const body = rows(count);
    // The widest cell of a column is in the last piece only: every piece must take its width.
    body[count - 1]![2] = 'a region name wider than the rest';
    expect(renderRows(head, body)).toBe(whole(head, body));
    expect(renderRows(head, body, ['left', 'right', 'left', 'right', 'left'])).toBe(whole(head, body, ['left', 'right', 'left', 'right', 'left']));
  });

  it('a short table is one piece', () => {
    const head = ['id', 'lang'];
    const body = rows(3).map((r) => [r[0]!, r[4]!]);
    expect(renderRows(head, body)).toBe(whole(head, body));
    expect(renderRows(head, [])).toBe(whole(head, []));
  });
});
