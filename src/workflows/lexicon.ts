// Loading the shipped taxonomy and compiling it: done once per command that analyses text.
import { compileLexicon, type Lexicon } from '../core/lexicon.js';
import { readTaxonomy } from '../io/read-taxonomy.js';

/** Returns the compiled lexicon of the taxonomy in `dir` (default: the one shipped with the tool). */
export function loadLexicon(dir?: string): Lexicon {
  return compileLexicon(readTaxonomy(dir));
}
