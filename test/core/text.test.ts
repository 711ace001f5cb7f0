import { describe, expect, it } from 'vitest';
import { normaliseText, splitPassages, trimLineEnds } from '../../src/core/text.js';

describe('normaliseText', () => {
  it.each([
    ['\uFEFFhello', 'hello'],
    ['a\r\nb\rc', 'a\nb\nc'],
    ['e\u0301te\u0301', 'été'],
    ['bell\u0007 and \u001b[31mred', 'bell and [31mred'],
    ['tab\tkept\nnewline kept', 'tab\tkept\nnewline kept'],
  ])('normalises %j', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});

describe('splitPassages', () => {
  it.each([
    ['one paragraph.', [['paragraph', 'one paragraph.']]],
    ['Title line\n\nFirst para.\nstill first.\n\nSecond para.', [['heading', 'Title line'], ['paragraph', 'First para.\nstill first.'], ['paragraph', 'Second para.']]],
    ['Intro:\n • item one\n • item two', [['paragraph', 'Intro:'], ['list-item', '• item one'], ['list-item', '• item two']]],
    [' 1. Betrouwbare AI bevorderen\n 2. De cyberveiligheid waarborgen', [['list-item', '1. Betrouwbare AI bevorderen'], ['list-item', '2. De cyberveiligheid waarborgen']]],
    ['# Heading\nText after.', [['heading', '# Heading'], ['paragraph', 'Text after.']]],
    ['\n\n   \n', []],
  ] as const)('splits %j', (body, expected) => {
    expect(splitPassages(body).map((p) => [p.kind, p.text])).toEqual(expected);
  });

  it('keeps offsets into the body', () => {
    const body = 'Kop\n\nEerste alinea over zorg.\n\n  • punt';
    for (const p of splitPassages(body)) expect(body.slice(p.start, p.end)).toBe(p.text);
  });

  it('marks everything after a "Meer nieuws" line as boilerplate', () => {
    const passages = splitPassages('Echte tekst.\n\nMeer nieuws\n\n • Work Life Balance\n\nNog iets.');
    expect(passages.map((p) => p.boilerplate)).toEqual([false, true, true, true]);
  });

  it('cuts a very long paragraph at sentence ends', () => {
    const body = Array.from({ length: 60 }, (_, i) => `Zin nummer ${i} gaat over beleid.`).join(' ');
    const passages = splitPassages(body);
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(1500);
    expect(passages.map((p) => p.text).join(' ')).toBe(body);
  });
});

describe('trimLineEnds', () => {
  it.each([
    ['a  \nb\t\n', 'a\nb\n'],
    ['  \n \t ', '\n'],
    ['keep  inner spaces', 'keep  inner spaces'],
    ['', ''],
    ['no newline at end   ', 'no newline at end'],
  ])('trims %j', (input, expected) => {
    expect(trimLineEnds(input)).toBe(expected);
  });

  it('is linear on a 5 MB run of spaces inside a line (the regex it replaced took hours)', () => {
    const text = `x${' '.repeat(5 * 1024 * 1024)}x \n`;
    const started = performance.now();
    expect(trimLineEnds(text)).toBe(text.slice(0, -2) + '\n');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
