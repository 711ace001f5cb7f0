// The styles the terminal renderers use. Output without colour (a pipe, CI, NO_COLOR) is painted by
// PLAIN, which returns every text as it is, so those runs never load chalk (about 5 ms of start-up).
// Colour comes from chalk, loaded by colour.ts, which registers its painter here.

/** A style: the text, coloured or not. */
export type Style = (text: string) => string;

/** The styles the table renderers use (a chalk instance has them all); level 0 means no colour. */
export interface Paint {
  level: number;
  bold: Style & { yellow: Style };
  dim: Style;
  green: Style;
  red: Style;
  yellow: Style;
  cyan: Style;
  bgGreen: { black: Style };
  bgCyan: { black: Style };
  bgRed: { white: Style };
}

const same: Style = (text) => text;

/** The painter of output without colour: every style returns its text unchanged. */
export const PLAIN: Paint = {
  level: 0,
  bold: Object.assign((text: string) => text, { yellow: same }),
  dim: same,
  green: same,
  red: same,
  yellow: same,
  cyan: same,
  bgGreen: { black: same },
  bgCyan: { black: same },
  bgRed: { white: same },
};

let colour: Paint | undefined;

/** Registers the colour painter (colour.ts does, when it is loaded). */
export function registerColour(paint: Paint): void {
  colour = paint;
}

/** Returns the painter for output with or without colour; throws when colour is asked for and colour.ts was not loaded. */
export function painterFor(color: boolean): Paint {
  if (!color) return PLAIN;
  if (colour === undefined) throw new Error('colour output asked for before render/colour.js was loaded');
  return colour;
}
