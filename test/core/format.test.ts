import { describe, expect, it } from 'vitest';
import { detectFormat, formatOfExtension, looksBinary } from '../../src/core/format.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'latin1');

describe('detectFormat', () => {
  it.each([
    ['.pdf', '%PDF-1.7 …', 'pdf'],
    ['.txt', '%PDF-1.4 a PDF named .txt', 'pdf'],
    ['.pdf', 'not really a pdf', 'pdf'],
    ['.HTML', 'Tekst', 'html'],
    ['.docx', 'PK\x03\x04…', 'docx'],
    ['.md', '# Kop', 'text'],
    ['', '<!DOCTYPE html><html>', 'html'],
    ['', '\n  <!-- c --><html lang="nl">', 'html'],
    ['', 'PK\x03\x04…', 'docx'],
    ['', '---\ntitle: x\n---\n<p>html in markdown</p>', 'text'],
  ])('%j %j → %s', (extension, start, format) => {
    expect(detectFormat(extension, bytes(start))).toBe(format);
  });

  it('knows the walked extensions', () => {
    expect(['.md', '.txt', '.html', '.htm', '.pdf', '.docx', '.png'].map(formatOfExtension)).toEqual(['text', 'text', 'html', 'html', 'pdf', 'docx', undefined]);
  });
});

describe('looksBinary', () => {
  it.each([
    ['plain text', bytes('Gewone tekst\r\n\tmet tab.'), false],
    ['Windows-1252 text', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x80]), false],
    ['UTF-16 with BOM (has NUL bytes)', Uint8Array.from([0xff, 0xfe, 0x61, 0x00]), false],
    ['a NUL byte', bytes('ab\0c'), true],
    ['many control bytes', Uint8Array.from([1, 2, 3, 4, 0x41, 5, 6, 7, 0x42, 0x43]), true],
  ])('%s → %s', (_name, input, expected) => {
    expect(looksBinary(input)).toBe(expected);
  });
});
