// Page boundaries of paged sources (PDF): pages joined into one body, and page numbers given to
// passages from the body offsets where each page starts. Kept apart from text.ts so that the
// passage splitter stays unaware of pages.
import type { Passage } from '../model.js';
import { splitPassages } from './text.js';
import { joinWrapped, isRunOn } from './wrap.js';

/** A body made of pages, and the body offset at which each page starts (page 1 at index 0). */
export interface PagedBody {
  body: string;
  pages: number[];
}

/** Returns the pages joined by blank lines (or as running text where a sentence runs on), with page start offsets. */
export function joinPages(pageTexts: string[]): PagedBody {
  let body = '';
  const pages: number[] = [];
  for (const raw of pageTexts) {
    const text = raw.trim();
    if (body === '' || text === '') {
      pages.push(body.length);
      body += text;
      continue;
    }
    // A sentence (or a hyphenated word) running on from one page to the next stays one paragraph.
    const join = isRunOn(body, text) ? joinWrapped(body, text) : { cut: 0, glue: '\n\n' };
    body = body.slice(0, body.length - join.cut) + join.glue;
    pages.push(body.length);
    body += text;
  }
  return { body: body === '' ? '' : `${body}\n`, pages };
}

/** Returns the 1-based page holding a body offset, or undefined when there are no pages. */
export function findPage(pages: readonly number[], offset: number): number | undefined {
  if (pages.length === 0) return undefined;
  let lo = 0;
  let hi = pages.length - 1;
  // The last page whose start is at or before the offset (empty pages share a start: the later wins).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (pages[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Returns the passages with the page their first character is on; unchanged when there are no pages. */
export function assignPages(passages: Passage[], pages: readonly number[] | undefined): Passage[] {
  if (!pages || pages.length === 0) return passages;
  return passages.map((p) => ({ ...p, page: findPage(pages, p.start)! }));
}

/** Returns the passages of a body, each with its page number when page offsets are given. */
export function splitPagedPassages(body: string, pages?: readonly number[]): Passage[] {
  return assignPages(splitPassages(body), pages);
}

/** Returns true when a value is a usable page list: offsets from 0, non-decreasing (a body edited by hand may end earlier). */
export function isPageList(pages: unknown): pages is number[] {
  if (!Array.isArray(pages) || pages.length === 0 || pages[0] !== 0) return false;
  return pages.every((p, i) => Number.isInteger(p) && (i === 0 || p >= pages[i - 1]));
}
