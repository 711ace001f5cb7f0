// JSON text that can be shown and re-read anywhere: same value as JSON.stringify, with the characters
// that are valid in JSON but not harmless escaped.

// DEL and C1 controls, U+FFFE/U+FFFF (not allowed raw in YAML, which our front matter is), line
// separators and bidirectional overrides (they reorder what a reader sees in a terminal or editor).
const INVISIBLE = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

/** Returns JSON.stringify(value, null, indent) with invisible and reordering characters as \u escapes; the parsed value is the same. */
export function stringifyJsonSafe(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Characters JSON.stringify escapes in a string (quote, backslash, controls, lone surrogates) or
// that INVISIBLE escapes: a string without any is written as it is, between quotes.
const NEEDS_ESCAPE = /["\\\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Returns stringifyJsonSafe(text) for a string, without the general machinery when nothing needs escaping. */
export function quoteJsonSafe(text: string): string {
  return NEEDS_ESCAPE.test(text) ? stringifyJsonSafe(text) : `"${text}"`;
}

/** Returns stringifyJsonSafe(value, 2) as written `depth` levels deep in a JSON.stringify(…, null, 2) text (its lines after the first indented). */
export function stringifyJsonSafeAt(value: unknown, depth: number): string {
  const text = stringifyJsonSafe(value, 2);
  // Raw newlines in JSON text are only ever between its tokens (a newline in a string is written \n).
  return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** Pieces of about this many characters are handed out by stringifyJsonSafePieces. */
const PIECE = 1 << 16;
/** Items of a long array of flat items written by one stringifyJsonSafe call. */
const FLAT_SLICE = 512;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** JSON.stringify leaves these out of objects (and writes null for them in arrays). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * Returns stringifyJsonSafe(value, 2) in pieces of 64 KB or a little more, so that a report of 100,000
 * documents (a manifest of every id and hash, coverage cells listing their documents) is never
 * built as one string. Arrays and plain objects are walked; anything else (numbers, strings,
 * objects with toJSON) is written by stringifyJsonSafe itself.
 */
export function* stringifyJsonSafePieces(value: unknown): Generator<string> {
  let buffer: string[] = [];
  let size = 0;
  const push = (text: string): void => {
    buffer.push(text);
    size += text.length;
  };
  // Hands out what is buffered once it reaches a piece.
  function* flushFull(): Generator<string> {
    if (size < PIECE) return;
    yield buffer.join('');
    buffer = [];
    size = 0;
  }
  const isFlat = (item: unknown): boolean => {
    if (Array.isArray(item)) return item.length <= 64 && item.every((x) => x === null || typeof x !== 'object');
    if (isPlainObject(item)) return Object.values(item).every((x) => x === null || typeof x !== 'object');
    return true;
  };
  function* walk(item: unknown, depth: number): Generator<string> {
    if (isFlat(item)) {
      push(stringifyJsonSafeAt(item, depth));
    } else if (Array.isArray(item) && item.every(isFlat)) {
      // A long array of flat items (ids, a manifest's documents): a slice at a time, each written
      // whole as an array and its brackets taken off.
      push('[');
      for (let at = 0; at < item.length; at += FLAT_SLICE) {
        const text = stringifyJsonSafeAt(Array.from(item.slice(at, at + FLAT_SLICE), (x) => (isOmitted(x) ? null : x)), depth);
        push(`${at === 0 ? '' : ','}${text.slice(1, text.length - 2 - 2 * depth)}`);
        yield* flushFull();
      }
      push(`\n${'  '.repeat(depth)}]`);
    } else {
      const inner = `\n${'  '.repeat(depth + 1)}`;
      const entries: Array<[string | undefined, unknown]> = Array.isArray(item)
        ? Array.from(item, (x): [undefined, unknown] => [undefined, isOmitted(x) ? null : x])
        : Object.entries(item as Record<string, unknown>).filter(([, x]) => !isOmitted(x));
      if (entries.length === 0) {
        push(Array.isArray(item) ? '[]' : '{}');
      } else {
        push(Array.isArray(item) ? '[' : '{');
        for (let i = 0; i < entries.length; i++) {
          const [key, child] = entries[i]!;
          push(`${i === 0 ? '' : ','}${inner}${key === undefined ? '' : `${quoteJsonSafe(key)}: `}`);
          yield* walk(child, depth + 1);
        }
        push(`\n${'  '.repeat(depth)}${Array.isArray(item) ? ']' : '}'}`);
      }
    }
    yield* flushFull();
  }
  yield* walk(value, 0);
  if (size > 0) yield buffer.join('');
}
