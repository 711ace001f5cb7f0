// Normalising a body and cutting it into passages: the units of language detection and tagging.
import type { Passage, PassageKind } from '../model.js';

/** Longest passage before it is cut at sentence ends. */
export const MAX_PASSAGE_CHARS = 1500;
const TARGET_CHUNK_CHARS = 900;

/** Returns the text with LF line ends, NFC, and no control characters other than tab and newline. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    // C0/C1 controls and ANSI escapes are never content; tab and newline are.
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '');
}

/** Returns the text with spaces and tabs at the end of every line removed, in linear time (a regex like `/[ \t]+$/gm` is quadratic on a long run of spaces). */
export function trimLineEnds(text: string): string {
  let out = '';
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let end = lineEnd;
    while (end > lineStart && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end -= 1;
    out += text.slice(lineStart, end);
    if (newline === -1) break;
    out += '\n';
    lineStart = newline + 1;
  }
  return out;
}

const LIST_MARKER = /^[ \t]*(?:[•·▪◦‣●○■□➢➤►▶✓✔\-*–—]|\(?\d{1,3}[.)°]|\(?[a-z][.)])[ \t]+(?=\S)/u;
const MARKDOWN_HEADING = /^[ \t]{0,3}#{1,6}[ \t]+\S/;
const SENTENCE_END = /[.!?:;…"”»)]\s*$/u;

// A line that ends the article body: everything after it is page furniture (related news, share bars).
const TAIL_MARKER =
  /^\s*(?:meer nieuws|ander nieuws|lees ook|lees meer|gerelateerde? (?:artikels?|nieuws(?:berichten)?)|deel dit artikel|deel dit bericht|more news|related (?:news|articles|posts|content)|read more|share this(?: article| page)?|plus d['’]actualités|autres actualités|à lire aussi|lire aussi|articles? similaires?|partager(?: cet article)?|weitere (?:nachrichten|artikel|meldungen)|das könnte sie auch interessieren|artikel teilen|diesen artikel teilen)\s*:?\s*$/iu;

interface Block {
  start: number;
  end: number;
  kind: PassageKind;
}

/** Returns the passages of a normalised body, in order, with offsets into it; [] for a blank body. */
export function splitPassages(body: string): Passage[] {
  const blocks = splitBlocks(body);
  const passages: Passage[] = [];
  let inTail = false;
  for (const block of blocks) {
    for (const piece of cutLongBlock(body, block)) {
      const raw = body.slice(piece.start, piece.end);
      const lead = raw.length - raw.trimStart().length;
      const start = piece.start + lead;
      const end = start + raw.trim().length;
      if (end <= start || !/[\p{L}\p{N}]/u.test(body.slice(start, end))) continue;
      const text = body.slice(start, end);
      if (TAIL_MARKER.test(text)) inTail = true;
      passages.push({ index: passages.length, start, end, text, kind: piece.kind, boilerplate: inTail });
    }
  }
  return passages;
}

function splitBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let offset = 0;
  const close = (): void => {
    if (current) blocks.push(current);
    current = undefined;
  };
  for (const line of body.split('\n')) {
    const lineStart = offset;
    const lineEnd = offset + line.length;
    offset = lineEnd + 1;
    if (line.trim() === '') {
      close();
      continue;
    }
    if (MARKDOWN_HEADING.test(line)) {
      close();
      blocks.push({ start: lineStart, end: lineEnd, kind: 'heading' });
      continue;
    }
    if (LIST_MARKER.test(line)) {
      close();
      current = { start: lineStart, end: lineEnd, kind: 'list-item' };
      continue;
    }
    if (current) {
      current.end = lineEnd;
    } else {
      current = { start: lineStart, end: lineEnd, kind: 'paragraph' };
    }
  }
  close();
  for (const block of blocks) {
    const text = body.slice(block.start, block.end).trim();
    if (block.kind === 'paragraph' && !text.includes('\n') && text.length <= 120 && !SENTENCE_END.test(text)) {
      block.kind = 'heading';
    }
  }
  return blocks;
}

function cutLongBlock(body: string, block: Block): Block[] {
  if (block.end - block.start <= MAX_PASSAGE_CHARS) return [block];
  const pieces: Block[] = [];
  let start = block.start;
  while (block.end - start > MAX_PASSAGE_CHARS) {
    const cut = findCut(body, start, Math.min(block.end, start + MAX_PASSAGE_CHARS));
    pieces.push({ start, end: cut, kind: block.kind });
    start = cut;
  }
  pieces.push({ start, end: block.end, kind: block.kind });
  return pieces;
}

// Cut after the last sentence end past the target length; else at a space; else hard.
function findCut(body: string, start: number, limit: number): number {
  const window = body.slice(start, limit);
  const sentence = /[.!?…]["”»)]?\s+/gu;
  let best = -1;
  for (let m = sentence.exec(window); m; m = sentence.exec(window)) {
    const at = m.index + m[0].length;
    if (at >= TARGET_CHUNK_CHARS / 2) best = at;
    if (at >= TARGET_CHUNK_CHARS) break;
  }
  if (best === -1) best = window.lastIndexOf(' ') + 1;
  if (best <= 0) best = window.length;
  return start + best;
}
