import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeHtmlBytes, findInvalidUtf8, sniffHtmlCharset } from '../../src/core/decode.js';

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('decodeBytes', () => {
  it.each([
    ['plain UTF-8', bytes('café'), 'café', 'utf-8'],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], 'café'), 'café', 'utf-8-bom'],
    ['UTF-16LE with BOM', Uint8Array.from([0xff, 0xfe, ...Buffer.from('zoë', 'utf16le')]), 'zoë', 'utf-16le'],
    ['UTF-16BE with BOM', Uint8Array.from([0xfe, 0xff, 0x00, 0x7a, 0x00, 0x6f, 0x00, 0xeb]), 'zoë', 'utf-16be'],
    ['Windows-1252', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80]), 'café €', 'windows-1252'],
  ] as const)('decodes %s', (_name, input, text, encoding) => {
    expect(decodeBytes(input, 'f.txt')).toEqual({ text, encoding });
  });

  it.each([
    ['a NUL byte', bytes('ab', [0], 'c'), /binary file: NUL byte at offset 2/],
    ['bytes that are neither UTF-8 nor Windows-1252', Uint8Array.from([0x61, 0x81, 0x62]), /invalid UTF-8 at byte 1/],
  ] as const)('refuses %s naming the problem', (_name, input, message) => {
    expect(() => decodeBytes(input, 'bad.txt')).toThrow(message);
  });
});

describe('findInvalidUtf8', () => {
  it.each([
    [bytes('ok'), -1],
    [bytes('é'), -1],
    [Uint8Array.from([0xc3]), 0],
    [Uint8Array.from([0x41, 0xc0, 0x80]), 1],
    [Uint8Array.from([0xed, 0xa0, 0x80]), 0],
    [Uint8Array.from([0xf0, 0x9f, 0x98, 0x80]), -1],
  ])('finds the first invalid byte in %j', (input, expected) => {
    expect(findInvalidUtf8(input)).toBe(expected);
  });
});

describe('decodeHtmlBytes', () => {
  const page = (charset: string, body: number[]): Uint8Array =>
    Uint8Array.from([...Buffer.from(`<html><head><meta charset="${charset}"></head><body>`, 'latin1'), ...body, ...Buffer.from('</body></html>', 'latin1')]);

  it.each([
    ['windows-1252 declared', page('windows-1252', [0x63, 0x61, 0x66, 0xe9, 0x20, 0x80]), 'café €', 'windows-1252'],
    ['iso-8859-1 read as windows-1252', page('ISO-8859-1', [0x93, 0x61, 0x94]), '“a”', 'windows-1252'],
    ['utf-8 declared', page('utf-8', [...Buffer.from('zoë', 'utf8')]), 'zoë', 'utf-8'],
    ['iso-8859-2 declared', page('iso-8859-2', [0xb1]), 'ą', 'iso-8859-2'],
    ['no declaration: sniffed like a text file', Uint8Array.from(Buffer.from('<p>caf\xe9</p>', 'latin1')), '<p>café</p>', 'windows-1252'],
  ] as const)('decodes %s', (_name, input, text, encoding) => {
    const decoded = decodeHtmlBytes(input, 'p.html');
    expect(decoded.text).toContain(text);
    expect(decoded.encoding).toBe(encoding);
  });

  it('lets a BOM win over a meta charset', () => {
    const input = Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('<meta charset="windows-1252">zoë', 'utf8')]);
    expect(decodeHtmlBytes(input, 'p.html')).toEqual({ text: '<meta charset="windows-1252">zoë', encoding: 'utf-8-bom' });
  });

  it.each([
    ['UTF-8 declared but not UTF-8', page('utf-8', [0xe9, 0x20]), /declares charset utf-8 but byte \d+ is not UTF-8/],
    ['an unknown charset', page('x-klingon', [0x41]), /declares charset "x-klingon", which is not supported/],
  ] as const)('refuses %s', (_name, input, message) => {
    expect(() => decodeHtmlBytes(input, 'p.html')).toThrow(message);
  });

  it('finds the charset of an http-equiv declaration', () => {
    expect(sniffHtmlCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=Windows-1252">'))).toBe('windows-1252');
    expect(sniffHtmlCharset(Buffer.from('<p>no meta</p>'))).toBeUndefined();
  });
});
