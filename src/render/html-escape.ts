// Everything that reaches the HTML page goes through here: document text is data and must never become markup.
import { sanitizeForTerminal } from './text-safe.js';

/** Returns text safe in HTML content and in quoted attribute values; controls and bidi overrides shown as escapes. */
export function escapeHtml(text: string): string {
  return sanitizeForTerminal(text, true)
    .replace(/\t/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Returns the escaped text with every occurrence of the terms wrapped in <mark> (matching ignores case). */
export function markTerms(text: string, terms: string[]): string {
  const usable = terms.filter((t) => t.trim() !== '');
  if (usable.length === 0) return escapeHtml(text);
  const pattern = new RegExp(
    usable
      .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .sort((a, b) => b.length - a.length)
      .join('|'),
    'giu',
  );
  let out = '';
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    out += `${escapeHtml(text.slice(at, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    at = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(at));
}

/** Returns a CSS class for a value between 0 and 1 on a five-step heat scale (h0 … h4). */
export function heatClass(value: number): string {
  if (value <= 0) return 'h0';
  if (value < 0.3) return 'h1';
  if (value < 0.5) return 'h2';
  if (value < 0.7) return 'h3';
  return 'h4';
}
