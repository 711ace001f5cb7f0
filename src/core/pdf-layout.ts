// PDF text items (positioned strings) → page texts: lines rebuilt from positions, running headers,
// footers and page numbers removed, paragraphs found from vertical gaps, hyphenated words joined.
import { applyJoin } from './wrap.js';

/** A positioned piece of text as a PDF text layer gives it (PDF coordinates: y grows upwards). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** A line of a page: its text, baseline and font size. */
export interface PdfLine {
  text: string;
  y: number;
  size: number;
}

/** Lines at the top and at the bottom of a page where running headers and footers are looked for. */
const FURNITURE_ZONE = 2;
const LIST_START = /^(?:[•·▪◦‣●○■□➢➤►▶✓✔\-–—*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s/u;

/** Returns the lines of a page in reading order (as the text layer lists them); [] for a page without text. */
export function buildPdfLines(items: PdfTextItem[]): PdfLine[] {
  const lines: Array<PdfLine & { endX: number }> = [];
  let current: (PdfLine & { endX: number }) | undefined;
  for (const item of items) {
    if (item.str === '') continue;
    const size = Math.max(item.fontSize, 1);
    if (!current || Math.abs(item.y - current.y) > 0.5 * Math.max(size, current.size)) {
      current = { text: '', y: item.y, size, endX: item.x };
      lines.push(current);
    }
    const gap = item.x - current.endX;
    if (current.text !== '' && gap > 0.15 * size && !/\s$/.test(current.text) && !/^\s/.test(item.str)) current.text += ' ';
    current.text += item.str;
    current.endX = item.x + item.width;
    current.size = Math.max(current.size, size);
  }
  return lines
    .map(({ text, y, size }) => ({ text: text.replace(/\s+/g, ' ').trim(), y, size }))
    .filter((line) => line.text !== '');
}

// Digits vary from page to page ("Pagina 3 van 12"): a header is recognised with numbers blanked.
function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

function zoneOf(lines: PdfLine[]): PdfLine[] {
  const top = lines.slice(0, FURNITURE_ZONE);
  const bottom = lines.slice(Math.max(FURNITURE_ZONE, lines.length - FURNITURE_ZONE));
  return [...top, ...bottom];
}

/** Returns the pages without lines that repeat at the top or bottom of most pages (running headers, footers, page numbers). */
export function stripPageFurniture(pages: PdfLine[][]): PdfLine[][] {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(zoneOf(lines).map((l) => furnitureKey(l.text)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const withText = pages.filter((lines) => lines.length > 0).length;
  const repeated = (key: string): boolean => {
    const n = counts.get(key) ?? 0;
    return n >= 2 && n > withText / 2;
  };
  return pages.map((lines) => {
    const zone = new Set(zoneOf(lines));
    return lines.filter((line) => !(zone.has(line) && repeated(furnitureKey(line.text))));
  });
}

// The line spacing of a page: paragraph gaps are larger, so the lower quartile of the steps is the spacing.
function lineSpacing(lines: PdfLine[]): number | undefined {
  const steps = lines.slice(1).map((line, i) => lines[i]!.y - line.y).filter((step) => step > 0).sort((a, b) => a - b);
  return steps.length === 0 ? undefined : steps[Math.floor(steps.length / 4)];
}

/** Returns a page's text: one line per paragraph, list items on their own lines, paragraphs separated by a blank line. */
export function layoutPdfPage(lines: PdfLine[]): string {
  const spacing = lineSpacing(lines);
  let out = '';
  let paragraph = '';
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (!previous) {
      paragraph = line.text;
      return;
    }
    const gap = previous.y - line.y;
    const newParagraph =
      gap <= 0 ||
      // A gap well over the line spacing (capped for pages with a single step) starts a paragraph.
      gap > 1.4 * Math.min(spacing ?? Infinity, 1.6 * line.size) ||
      Math.abs(line.size - previous.size) > 0.15 * Math.max(line.size, previous.size);
    if (newParagraph || LIST_START.test(line.text)) {
      out += `${paragraph}${newParagraph ? '\n\n' : '\n'}`;
      paragraph = line.text;
    } else {
      paragraph = applyJoin(paragraph, line.text);
    }
  });
  return `${out}${paragraph}`.trim();
}

/** Returns the text of every page, furniture removed and paragraphs rebuilt; '' for a page without text. */
export function layoutPdfPages(pages: PdfTextItem[][]): string[] {
  return stripPageFurniture(pages.map(buildPdfLines)).map(layoutPdfPage);
}

/** Returns true when the pages carry no letters at all: a scan without a text layer. */
export function hasNoTextLayer(pages: string[]): boolean {
  return !pages.some((text) => /\p{L}/u.test(text));
}
