// The only importer of gray-matter. Its default engines eval `---js` front matter and cache every
// input forever (see TOOLCHAIN.md): here only YAML is accepted, parsed by js-yaml 4 with the core
// schema, and an options object is always passed, which turns the cache off.
import { createRequire } from 'node:module';
import type matterType from 'gray-matter';
import type yamlType from 'js-yaml';
import { quoteJsonSafe, stringifyJsonSafe } from '../core/json-safe.js';
import { InputError } from '../errors.js';

// gray-matter and js-yaml are loaded on first use: a command that reads its corpus from the index
// never parses front matter and never pays for them.
const require = createRequire(import.meta.url);
let matterModule: typeof matterType | undefined;
let yamlModule: typeof yamlType | undefined;
const loadMatter = (): typeof matterType => (matterModule ??= require('gray-matter') as typeof matterType);
/** Returns js-yaml, loaded on first use. */
export const loadYaml = (): typeof yamlType => (yamlModule ??= require('js-yaml') as typeof yamlType);

/** A document split into its front matter data and its body. */
export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  hasFrontMatter: boolean;
}

/** Largest front matter block accepted. */
export const MAX_FRONT_MATTER_BYTES = 1024 * 1024;
/** Deepest nesting of lists and mappings accepted in front matter. */
export const MAX_DEPTH = 32;
const DEEP_MESSAGE = `front matter is nested deeper than ${MAX_DEPTH} levels`;
const CODE_LANGUAGES = ['js', 'javascript', 'coffee', 'coffeescript', 'cson'];

/** Limits for reading front matter: the corpus reader allows more than an input (evidence lists grow with the text). */
export interface FrontMatterOptions {
  maxBytes?: number;
  /**
   * Tries readCanonical first: for the corpus's own files, which stringifyFrontMatter wrote. What
   * it does not read exactly as written (a file edited by hand) goes to gray-matter and js-yaml.
   */
  canonical?: boolean;
}

/** Returns the front matter and body of a normalised text; throws InputError for code, bad YAML, or non-mapping front matter. */
export function parseFrontMatter(text: string, file: string, options: FrontMatterOptions = {}): FrontMatter {
  const maxBytes = options.maxBytes ?? MAX_FRONT_MATTER_BYTES;
  if (!text.startsWith('---')) return { data: {}, body: text, hasFrontMatter: false };
  const firstLineEnd = text.indexOf('\n');
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  if (/^-{4,}/.test(firstLine)) return { data: {}, body: text, hasFrontMatter: false };
  const language = firstLine.slice(3).trim().toLowerCase();
  if (CODE_LANGUAGES.includes(language)) {
    throw new InputError(file, `front matter in "${language}" is code and is refused: documents are data (use YAML)`);
  }
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    throw new InputError(file, `front matter language "${language}" is not supported (use YAML)`);
  }
  const close = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text.slice(firstLine.length));
  if (!close) throw new InputError(file, 'front matter is not closed: no line "---" after the opening "---"');
  const blockLength = close.index;
  const block = text.slice(firstLine.length + 1, firstLine.length + blockLength);
  // Characters first: a block over the limit in UTF-16 units is over it in bytes too.
  if (blockLength > maxBytes || Buffer.byteLength(block, 'utf8') > maxBytes) {
    throw new InputError(file, `front matter is larger than ${formatLimit(maxBytes)}`);
  }
  // gray-matter finds its own closing delimiter; hand it exactly the block found here.
  const data = (options.canonical === true ? readCanonical(block) : undefined) ?? runMatter(`---\n${block}\n---\n`, file).data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(file, 'front matter must be a mapping of keys to values (it is a list or a single value)');
  }
  checkShape(data, file);
  const body = text.slice(firstLine.length + blockLength + close[0].length);
  return { data: data as Record<string, unknown>, body, hasFrontMatter: true };
}

function runMatter(text: string, file: string): { data: unknown } {
  const refuse = (): never => {
    throw new InputError(file, 'front matter that is code is refused');
  };
  const code = { parse: refuse };
  const engines = {
    yaml: { parse: (source: string): object => parseYaml(source) as object },
    js: code,
    javascript: code,
    coffee: code,
    coffeescript: code,
    cson: code,
  };
  try {
    return loadMatter()(text, { engines, language: 'yaml', excerpt: false });
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (error instanceof RangeError || /nesting exceeded maxDepth/.test(message)) throw new InputError(file, DEEP_MESSAGE);
    throw new InputError(file, `invalid YAML front matter: ${message}`);
  }
}

function parseYaml(source: string): unknown {
  // js-yaml 4.3 stops at maxDepth itself (its types do not list the option yet).
  const yaml = loadYaml();
  const options = { schema: yaml.CORE_SCHEMA, json: false, maxDepth: MAX_DEPTH + 1 } as yamlType.LoadOptions;
  const value = yaml.load(source, options);
  return value === undefined || value === null ? {} : value;
}

function formatLimit(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MB` : `${bytes} bytes`;
}

// YAML aliases make a tree a graph (alias bombs); nothing in a document needs them, or deep nesting.
function checkShape(data: object, file: string): void {
  const seen = new Set<object>();
  const walk = (value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null) return;
    if (depth > MAX_DEPTH) throw new InputError(file, DEEP_MESSAGE);
    if (seen.has(value)) throw new InputError(file, 'front matter uses YAML aliases, which are not accepted');
    seen.add(value);
    for (const child of Object.values(value)) walk(child, depth + 1);
  };
  walk(data, 0);
}

/** Returns a Markdown file: YAML front matter (keys in the given order) then the body. */
export function stringifyFrontMatter(data: Record<string, unknown>, body: string): string {
  return `---\n${dumpMapping(data, '')}---\n${body}`;
}

// A small YAML writer for our own front matter: block style for the outer structure, flow style
// for short leaves (country: ["BE"], evidence items), every string double-quoted (JSON escapes
// are valid YAML), so that no value can turn into a date, a boolean or a number on reading.
const FLOW_LIMIT = 160;

function dumpMapping(data: Record<string, unknown>, indent: string): string {
  let out = '';
  for (const key in data) {
    const value = data[key];
    if (value === undefined) continue;
    out += `${indent}${key}:${dumpValue(value, indent)}`;
  }
  return out;
}

function dumpValue(value: unknown, indent: string): string {
  const flow = isContainer(value) ? flowWithin(value, FLOW_LIMIT) : toFlow(value);
  if (flow !== undefined) return ` ${flow}\n`;
  let out = '\n';
  if (Array.isArray(value)) {
    for (const item of value) out += dumpItem(item, `${indent}  `);
    return out;
  }
  return out + dumpMapping(value as Record<string, unknown>, `${indent}  `);
}

function dumpItem(item: unknown, indent: string): string {
  const flow = !isContainer(item) || Array.isArray(item) ? toFlow(item) : flowWithin(item, FLOW_LIMIT);
  if (flow !== undefined) return `${indent}- ${flow}\n`;
  const inner = dumpMapping(item as Record<string, unknown>, `${indent}  `);
  return `${indent}- ${inner.slice(indent.length + 2)}`;
}

// toFlow(value) when it is at most `limit` characters long, else undefined: stops building as soon
// as it is too long (a large list is not written out whole just to find that it does not fit).
// Written with plain loops: this runs for every container of every stored document.
function flowWithin(value: unknown, limit: number): string | undefined {
  if (!isContainer(value)) {
    const flow = toFlow(value);
    return flow.length <= limit ? flow : undefined;
  }
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ', ';
      const inner = flowWithin(value[i], limit - out.length - 1);
      if (inner === undefined) return undefined;
      out += inner;
    }
    out += ']';
  } else {
    out = '{';
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (v === undefined) continue;
      out += `${out.length === 1 ? '' : ', '}${flowKey(key)}: `;
      const inner = flowWithin(v, limit - out.length - 1);
      if (inner === undefined) return undefined;
      out += inner;
    }
    out += '}';
  }
  return out.length <= limit ? out : undefined;
}

// The keys of our front matter are few: each is checked once.
const FLOW_KEYS = new Map<string, string>();

function flowKey(key: string): string {
  let flow = FLOW_KEYS.get(key);
  if (flow === undefined) {
    // True, NULL… are quoted: YAML would read them as a boolean or null.
    flow = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !RESOLVED_KEY.test(key) ? key : stringifyJsonSafe(key);
    if (FLOW_KEYS.size < 256) FLOW_KEYS.set(key, flow);
  }
  return flow;
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function toFlow(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteJsonSafe(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ', ') + toFlow(value[i]);
    return `${out}]`;
  }
  if (typeof value === 'object') {
    let out = '{';
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (v === undefined) continue;
      out += `${out.length === 1 ? '' : ', '}${flowKey(key)}: ${toFlow(v)}`;
    }
    return `${out}}`;
  }
  return stringifyJsonSafe(String(value));
}

/**
 * Returns the data of a front matter block written by stringifyFrontMatter, or undefined for any
 * other block. It reads the few forms the writer uses (block mappings and lists two spaces deep,
 * flow lists and mappings, JSON-quoted strings, numbers, true, false, null), then writes the data
 * back: only a block that comes back character for character is taken. Such a block is the
 * writer's output for that data, which YAML reads as that data, so js-yaml would have returned the
 * same; anything else (a hand edit, a comment, another spacing) returns undefined and goes to
 * js-yaml. Reading the corpus's files this way takes a fraction of js-yaml's time.
 */
export function readCanonical(block: string): Record<string, unknown> | undefined {
  if (block === '') return undefined;
  const lines = block.split('\n');
  const reader = { lines, at: 0 };
  const data = readBlockMapping(reader, '', undefined);
  if (data === undefined || reader.at !== lines.length) return undefined;
  return dumpMapping(data, '') === `${block}\n` ? data : undefined;
}

interface BlockLines {
  lines: string[];
  at: number;
}

// A key the writer writes as it is and YAML reads as that string. Not __proto__ (not a plain key
// of an object), and not True, NULL… (YAML reads those as a boolean or null, whose key is "true", "null").
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const RESOLVED_KEY = /^(?:true|false|null)$/i;

function isPlainKey(key: string): boolean {
  return PLAIN_KEY.test(key) && key !== '__proto__' && !RESOLVED_KEY.test(key);
}

// The mapping whose lines start with `indent` at the reader's line; `first`, when given, is the
// first line's text after its indent (the first key of a list item, on the item's "- " line).
function readBlockMapping(reader: BlockLines, indent: string, first: string | undefined): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  let rest = first;
  let keys = 0;
  for (;;) {
    if (rest === undefined) {
      const line = reader.lines[reader.at];
      if (line === undefined || !line.startsWith(indent) || line.length === indent.length) break;
      const c = line.charCodeAt(indent.length);
      if (c === 0x20 || c === 0x2d) break; // deeper, or a list item: not this mapping's
      rest = line.slice(indent.length);
    }
    reader.at += 1;
    const colon = rest.indexOf(':');
    if (colon <= 0) return undefined;
    const key = rest.slice(0, colon);
    if (!isPlainKey(key) || Object.hasOwn(data, key)) return undefined;
    let value: unknown;
    if (colon === rest.length - 1) {
      value = readBlockValue(reader, `${indent}  `);
    } else {
      if (rest.charCodeAt(colon + 1) !== 0x20) return undefined;
      value = readFlowLine(rest, colon + 2);
    }
    if (value === undefined) return undefined;
    data[key] = value;
    keys += 1;
    rest = undefined;
  }
  return keys === 0 ? undefined : data;
}

// The block under a key: a list ("- " items) or a mapping, `indent` deep.
function readBlockValue(reader: BlockLines, indent: string): unknown {
  const line = reader.lines[reader.at];
  if (line === undefined || !line.startsWith(indent)) return undefined;
  if (!line.startsWith(`${indent}- `)) return readBlockMapping(reader, indent, undefined);
  const items: unknown[] = [];
  for (let item = reader.lines[reader.at]; item !== undefined && item.startsWith(`${indent}- `); item = reader.lines[reader.at]) {
    const rest = item.slice(indent.length + 2);
    const colon = rest.indexOf(':');
    // "- key: …" opens a mapping item whose other keys follow two spaces deeper; anything else is a flow value.
    if (colon > 0 && isPlainKey(rest.slice(0, colon)) && (colon === rest.length - 1 || rest.charCodeAt(colon + 1) === 0x20)) {
      const value = readBlockMapping(reader, `${indent}  `, rest);
      if (value === undefined) return undefined;
      items.push(value);
    } else {
      reader.at += 1;
      const value = readFlowLine(rest, 0);
      if (value === undefined) return undefined;
      items.push(value);
    }
  }
  return items;
}

// A flow value that takes the rest of the line from `from`.
function readFlowLine(text: string, from: number): unknown {
  const read = readFlow(text, from, 0);
  return read === undefined || read.end !== text.length ? undefined : read.value;
}

const FLOW_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:e[+-][0-9]+)?/y;
const FLOW_WORD = /true|false|null/y;
const FLOW_KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;

// One flow value at `at`: its value and where it ends (undefined when it is not one the writer
// writes, or nested deeper than front matter may be: js-yaml then says so).
function readFlow(text: string, at: number, depth: number): { value: unknown; end: number } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const c = text.charCodeAt(at);
  if (c === 0x22) return readQuoted(text, at);
  if (c === 0x5b) {
    const items: unknown[] = [];
    let i = at + 1;
    if (text.charCodeAt(i) === 0x5d) return { value: items, end: i + 1 };
    for (;;) {
      const item = readFlow(text, i, depth + 1);
      if (item === undefined) return undefined;
      items.push(item.value);
      i = item.end;
      if (text.charCodeAt(i) === 0x5d) return { value: items, end: i + 1 };
      if (!text.startsWith(', ', i)) return undefined;
      i += 2;
    }
  }
  if (c === 0x7b) {
    const data: Record<string, unknown> = {};
    let i = at + 1;
    if (text.charCodeAt(i) === 0x7d) return { value: data, end: i + 1 };
    for (;;) {
      let key: string;
      if (text.charCodeAt(i) === 0x22) {
        const quoted = readQuoted(text, i);
        if (quoted === undefined) return undefined;
        key = quoted.value;
        i = quoted.end;
      } else {
        FLOW_KEY.lastIndex = i;
        const m = FLOW_KEY.exec(text);
        if (m === null) return undefined;
        key = m[0];
        i += key.length;
      }
      if (key === '__proto__' || (RESOLVED_KEY.test(key) && text.charCodeAt(i - 1) !== 0x22) || Object.hasOwn(data, key) || !text.startsWith(': ', i)) return undefined;
      const value = readFlow(text, i + 2, depth + 1);
      if (value === undefined) return undefined;
      data[key] = value.value;
      i = value.end;
      if (text.charCodeAt(i) === 0x7d) return { value: data, end: i + 1 };
      if (!text.startsWith(', ', i)) return undefined;
      i += 2;
    }
  }
  FLOW_NUMBER.lastIndex = at;
  const number = FLOW_NUMBER.exec(text);
  if (number !== null) return { value: Number(number[0]), end: at + number[0].length };
  FLOW_WORD.lastIndex = at;
  const word = FLOW_WORD.exec(text);
  if (word !== null) return { value: word[0] === 'null' ? null : word[0] === 'true', end: at + word[0].length };
  return undefined;
}

// A JSON-quoted string at `at` (the writer quotes every string so).
function readQuoted(text: string, at: number): { value: string; end: number } | undefined {
  let i = at + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (Number.isNaN(c)) return undefined;
    if (c === 0x22) break;
    i += c === 0x5c ? 2 : 1;
  }
  try {
    return { value: JSON.parse(text.slice(at, i + 1)) as string, end: i + 1 };
  } catch {
    return undefined;
  }
}
