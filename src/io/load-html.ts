// The only importer of htmlparser2: a streaming parser, so thousands of nested elements cost a
// stack array here, never the call stack. Loaded lazily, only when a page (or a DOCX) is read.
// Its own element stack grows by unshift (quadratic in depth): pages nested deeper than
// MAX_HTML_DEPTH are refused rather than left to run for minutes.
import { decodeHtmlBytes } from '../core/decode.js';
import {
  BLOCK_ELEMENTS,
  HEADING_ELEMENTS,
  SKIPPED_ELEMENTS,
  isCookieBanner,
  isHiddenElement,
  isMainElement,
  isPageFurniture,
  pickHtmlMeta,
  type Attributes,
  type HtmlHead,
  type HtmlMeta,
} from '../core/html-rules.js';
import { InputError } from '../errors.js';
import type { ExtractedDocument } from './read-document.js';

/** The main text of a page and what the page says about itself. */
export interface HtmlText {
  /** Blocks separated by blank lines; headings are blocks of their own, list items start with "• ". */
  text: string;
  meta: HtmlMeta;
  /** The `<html lang>` value, as written. */
  lang?: string;
}

/** Deepest element nesting read; 20 000 levels parse in about a tenth of a second. */
export const MAX_HTML_DEPTH = 20_000;

interface Open {
  name: string;
  skip: boolean;
  main: boolean;
}

interface Block {
  text: string;
  main: boolean;
}

/** Returns the main text of an HTML page: `<main>`/`<article>` when present, without navigation, furniture, hidden parts or cookie banners. */
export async function extractHtmlText(html: string, source: string): Promise<HtmlText> {
  const { Parser } = await import('htmlparser2');
  const stack: Open[] = [];
  const openCount = new Map<string, number>();
  const blocks: Block[] = [];
  const head: HtmlHead = { metas: {}, title: '' };
  let skipping = 0;
  let inMain = 0;
  let inTitle = 0;
  let titleDone = false;
  let inPre = 0;
  let buffer = '';
  let prefix = '';
  let heading = false;
  let lang: string | undefined;

  const flush = (): void => {
    const lines = buffer
      .split('\n')
      .map((line) => line.replace(/[ \t\f\r\u00A0]+/g, ' ').trim())
      .filter((line) => line !== '');
    if (lines.length > 0) {
      const text = `${prefix}${lines.join('\n')}`;
      blocks.push({ text, main: inMain > 0 });
      if (heading && head.firstHeading === undefined) head.firstHeading = text;
    }
    buffer = '';
    prefix = '';
    heading = false;
  };

  const close = (): void => {
    const top = stack.pop()!;
    openCount.set(top.name, (openCount.get(top.name) ?? 1) - 1);
    if (BLOCK_ELEMENTS.has(top.name) && skipping === 0) flush();
    if (top.skip) skipping = 0;
    if (top.main) inMain -= 1;
    if (top.name === 'title') {
      inTitle -= 1;
      titleDone ||= head.title.trim() !== '';
    }
    if (top.name === 'pre') inPre = Math.max(0, inPre - 1);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes: Attributes) {
        if (name === 'html' && attributes['lang']) lang ??= attributes['lang'].trim();
        if (name === 'meta') recordMeta(head, attributes);
        if (name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(attributes['rel'] ?? '') && attributes['href']) head.canonical ??= attributes['href'];
        // The document title, not an <svg><title>; only the first one counts.
        if (name === 'title') inTitle += 1;
        const skip =
          skipping === 0 &&
          (SKIPPED_ELEMENTS.has(name) || isHiddenElement(attributes) || isCookieBanner(attributes) || (inMain === 0 && isPageFurniture(name, attributes)));
        const main = skipping === 0 && !skip && isMainElement(name, attributes);
        if (skipping === 0 && !skip) {
          if (BLOCK_ELEMENTS.has(name)) flush();
          if (HEADING_ELEMENTS.has(name)) heading = true;
          if (name === 'li') prefix = '• ';
          if (name === 'br') buffer += '\n';
          if ((name === 'td' || name === 'th') && buffer.trim() !== '') buffer += ' | ';
          if (name === 'pre') inPre += 1;
        }
        stack.push({ name, skip, main });
        if (stack.length > MAX_HTML_DEPTH) throw new InputError(source, `HTML nested deeper than ${MAX_HTML_DEPTH} levels: refused`);
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
        if (skip) skipping = 1;
        if (main) inMain += 1;
      },
      ontext(text) {
        if (inTitle > 0 && !titleDone && (openCount.get('svg') ?? 0) === 0) head.title += text;
        if (skipping > 0) return;
        buffer += inPre > 0 ? text : text.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        if ((openCount.get(name) ?? 0) === 0) return;
        while (stack.length > 0 && stack[stack.length - 1]!.name !== name) close();
        if (stack.length > 0) close();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  while (stack.length > 0) close();
  flush();
  const hasMain = blocks.some((b) => b.main);
  const text = blocks
    .filter((b) => !hasMain || b.main)
    .map((b) => b.text)
    .join('\n\n');
  return { text, meta: pickHtmlMeta(head), ...(lang ? { lang } : {}) };
}

function recordMeta(head: HtmlHead, attributes: Attributes): void {
  const key = (attributes['property'] ?? attributes['name'] ?? attributes['itemprop'] ?? '').trim().toLowerCase();
  const content = attributes['content'];
  if (key !== '' && content !== undefined && head.metas[key] === undefined) head.metas[key] = content;
}

/** Returns the text of an HTML file decoded by its BOM or `<meta charset>`, with title, date, publisher and language hint. */
export async function loadHtml(bytes: Uint8Array, source: string): Promise<ExtractedDocument> {
  const { text: html, encoding } = decodeHtmlBytes(bytes, source);
  const page = await extractHtmlText(html, source);
  if (!/[\p{L}\p{N}]/u.test(page.text)) throw new InputError(source, 'no text: the page has no main text outside navigation, scripts and hidden parts');
  return { text: page.text, meta: { ...page.meta }, encoding, ...(page.lang ? { languageHint: page.lang } : {}) };
}
