// Reading and writing a corpus index file the way src/io/corpus-index.ts lays it out (JSON lines:
// a header, then one row per line), for tests that look into the index or tamper with it.
import { readFileSync, writeFileSync } from 'node:fs';

/** An index file, taken apart: the header's fields and the rows. */
export interface IndexFileContents {
  format: number;
  corpus: string;
  written: number;
  strings: string[];
  rows: unknown[][];
}

/** Returns the header and rows of an index file. */
export function readIndexFile(file: string): IndexFileContents {
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines.pop() !== '') throw new Error(`${file}: the last line does not end with a newline`);
  const header = JSON.parse(lines[0]!) as Omit<IndexFileContents, 'rows'> & { rows: number };
  const rows = lines.slice(1).map((line) => JSON.parse(line) as unknown[]);
  if (header.rows !== rows.length) throw new Error(`${file}: ${rows.length} rows, the header says ${header.rows}`);
  return { ...header, rows };
}

/** Returns the text of an index file with these contents (the row count in the header follows the rows). */
export function indexFileText(contents: IndexFileContents): string {
  const { rows, ...header } = contents;
  return `${JSON.stringify({ ...header, rows: rows.length })}\n${rows.map((row) => `${JSON.stringify(row)}\n`).join('')}`;
}

/** Writes an index file with these contents. */
export function writeIndexFile(file: string, contents: IndexFileContents): void {
  writeFileSync(file, indexFileText(contents));
}
