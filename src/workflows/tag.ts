// tag: inputs → analyses, nothing stored. One result per input, in input order.
import { analyseDocument } from '../core/analyse.js';
import type { Lexicon } from '../core/lexicon.js';
import type { MetaOverrides } from '../core/meta.js';
import { AipolicyError } from '../errors.js';
import type { TagResult } from '../model.js';
import { readDocument } from '../io/read-document.js';
import { collectInputs, readInput, type SkippedInput } from '../io/read-input.js';

/** Options of a tag run. */
export interface TagOptions {
  lexicon: Lexicon;
  overrides: MetaOverrides;
  stdin: NodeJS.ReadableStream;
}

/** Returns the analysis of every input (or its error), in input order, and the files skipped in folders. */
export async function tagPaths(args: string[], options: TagOptions): Promise<{ results: TagResult[]; skipped: SkippedInput[] }> {
  const { inputs, skipped } = await collectInputs(args);
  const results: TagResult[] = [];
  for (const input of inputs) {
    try {
      if (input.error) throw input.error;
      const bytes = await readInput(input, options.stdin);
      const parsed = await readDocument(bytes, input.source, { overrides: options.overrides });
      results.push({ source: input.source, id: parsed.id, meta: parsed.meta, analysis: analyseDocument(options.lexicon, parsed) });
    } catch (error) {
      if (!(error instanceof AipolicyError)) throw error;
      results.push({ source: input.source, error: error.message });
    }
  }
  return { results, skipped };
}
