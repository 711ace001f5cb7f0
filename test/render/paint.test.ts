import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { PLAIN, type Paint } from '../../src/render/paint.js';

// PLAIN stands in for chalk at level 0 in every run without colour: it must give the same text.
const chalk = new Chalk({ level: 0 });
const styles: Array<[string, (p: Paint) => (text: string) => string]> = [
  ['bold', (p) => p.bold],
  ['bold.yellow', (p) => p.bold.yellow],
  ['dim', (p) => p.dim],
  ['green', (p) => p.green],
  ['red', (p) => p.red],
  ['yellow', (p) => p.yellow],
  ['cyan', (p) => p.cyan],
  ['bgGreen.black', (p) => p.bgGreen.black],
  ['bgCyan.black', (p) => p.bgCyan.black],
  ['bgRed.white', (p) => p.bgRed.white],
];

describe('the painter without colour', () => {
  it.each(styles)('%s returns what chalk without colour returns', (_name, style) => {
    for (const text of ['', 'data', '● 1/4', 'a\nb', '\u001b[1mx\u001b[22m']) expect(style(PLAIN)(text)).toBe(style(chalk as unknown as Paint)(text));
  });
  it('has level 0, which the renderers read as "no colour"', () => {
    expect(PLAIN.level).toBe(chalk.level);
  });
});
