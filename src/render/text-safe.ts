// Text that reaches a terminal must never drive it: control characters and escapes are made visible.

/** Returns the text with C0/C1 controls (ESC, BEL, CR…) replaced by visible escapes; newline and tab kept when allowed. */
export function sanitizeForTerminal(text: string, keepNewlines = false): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (ch) => {
    if (keepNewlines && (ch === '\n' || ch === '\t')) return ch;
    if (ch === '\n' || ch === '\t') return ' ';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Returns the text on one line, cut to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  const flat = sanitizeForTerminal(text).replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1))}…`;
}
