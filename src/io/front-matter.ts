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
  const parsed = runMatter(`---\n${block}\n---\n`, file);
  const data = parsed.data;
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
    flow = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : stringifyJsonSafe(key);
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
