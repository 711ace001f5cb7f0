import { describe, expect, it } from 'vitest';
import { decodeBytes, findInvalidUtf8 } from '../../src/core/decode.js';

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
