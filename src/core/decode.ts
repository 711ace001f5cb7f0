// Turning bytes into text without ever producing silent garbage.
import { InputError } from '../errors.js';

/** The text of an input and the encoding it was decoded from. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

// Bytes that Windows-1252 leaves undefined: seeing one means the file is not Windows-1252.
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Returns the decoded text; throws InputError for binary or undecodable input. */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeStrict(bytes.subarray(3), 'utf-8', file), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16le', file), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeStrict(bytes.subarray(2), 'utf-16be', file), encoding: 'utf-16be' };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new InputError(file, `binary file: NUL byte at offset ${nul} (not a text document)`);
  }
  const invalidAt = findInvalidUtf8(bytes);
  if (invalidAt === -1) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  }
  if (isWindows1252(bytes)) {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
  throw new InputError(
    file,
    `invalid UTF-8 at byte ${invalidAt} and not Windows-1252 either: convert the file to UTF-8`,
  );
}

function decodeStrict(bytes: Uint8Array, label: string, file: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(file, `invalid ${label.toUpperCase()} despite its byte-order mark`);
  }
}

/** Returns the offset of the first byte that breaks UTF-8, or -1 when the bytes are valid. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

// Node's TextDecoder treats "windows-1252" as Latin-1 and turns 0x80 into U+0080 instead of €:
// the 0x80–0x9F block is mapped here (unicode.org's cp1252 table); the rest is Latin-1.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/** Returns Windows-1252 bytes as text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

function isWindows1252(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (CP1252_UNDEFINED.has(b)) return false;
    // C0 controls other than tab, newline, carriage return and form feed are not text.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
  }
  return true;
}

/** Text decoded from a web page, with the encoding it was decoded from (any WHATWG label the page declares). */
export interface DecodedHtml {
  text: string;
  encoding: string;
}

// Labels that mean Windows-1252 for browsers (WHATWG Encoding: latin1 and ASCII are read as 1252).
const CP1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'ascii', 'us-ascii']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'utf-16', 'utf-16le', 'utf-16be']);

/** Returns the charset a page declares in its first 1024 bytes (`<meta charset>` or http-equiv), lower-cased, or undefined. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct ? direct[1]!.toLowerCase() : undefined;
}

/** Returns a page's text decoded by its BOM, else its declared charset, else as a text file; throws InputError when the bytes do not match. */
export function decodeHtmlBytes(bytes: Uint8Array, file: string): DecodedHtml {
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = hasBom ? undefined : sniffHtmlCharset(bytes);
  if (declared === undefined) return decodeBytes(bytes, file);
  // A page cannot declare UTF-16 in bytes that are readable as ASCII: browsers read that as UTF-8.
  if (UTF8_LABELS.has(declared)) {
    const at = findInvalidUtf8(bytes);
    if (at !== -1) throw new InputError(file, `declares charset ${declared} but byte ${at} is not UTF-8: fix the <meta charset> or convert the file`);
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  }
  if (CP1252_LABELS.has(declared)) {
    if (!isWindows1252(bytes)) throw new InputError(file, `declares charset ${declared} but has bytes that are not text in Windows-1252`);
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
  const decoder = makeDecoder(declared);
  if (decoder === undefined) throw new InputError(file, `declares charset "${declared}", which is not supported: convert the file to UTF-8`);
  try {
    return { text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    throw new InputError(file, `bytes that are not valid ${declared}: convert the file to UTF-8`);
  }
}

function makeDecoder(label: string): { encoding: string; decode: (bytes: Uint8Array) => string } | undefined {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return undefined;
  }
}
