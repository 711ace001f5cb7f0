// Lines broken by a layout (PDF pages, columns) joined back into running text.

/** How to join two wrapped lines: drop `cut` characters from the end of the left one, then add `glue`. */
export interface Join {
  cut: number;
  glue: string;
}

const SOFT_HYPHEN = '\u00AD';
// After "gezondheids-" a conjunction means a suspended compound ("gezondheids- en welzijnszorg"): keep the hyphen.
const CONJUNCTION = /^(?:en|of|tot|und|oder|bis|et|ou|and|or|to)\b/u;

/** Returns how a line continues on the next: a hyphenated word joined, a suspended compound kept, else a space. */
export function joinWrapped(left: string, right: string): Join {
  if (left.endsWith(SOFT_HYPHEN)) return { cut: 1, glue: '' };
  if (/\p{L}[-‐]$/u.test(left)) {
    if (/^\p{Ll}/u.test(right) && !CONJUNCTION.test(right)) return { cut: 1, glue: '' };
    if (/^[\p{Lu}\p{N}]/u.test(right)) return { cut: 0, glue: '' };
  }
  return { cut: 0, glue: ' ' };
}

/** Returns true when a text ends mid-sentence and the next starts in lower case: one paragraph across a break. */
export function isRunOn(left: string, right: string): boolean {
  return /[\p{Ll},;\p{Pd}\u00AD]$/u.test(left) && /^\p{Ll}/u.test(right);
}

/** Returns the two texts joined as wrapped lines. */
export function applyJoin(left: string, right: string): string {
  const { cut, glue } = joinWrapped(left, right);
  return `${left.slice(0, left.length - cut)}${glue}${right}`;
}
