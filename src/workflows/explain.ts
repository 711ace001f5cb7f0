// explain: a stored document (by id) or a file, analysed again with every passage's evidence kept.
import { stat } from 'node:fs/promises';
import { analyseDocument } from '../core/analyse.js';
import { explainAnalysis } from '../core/explain.js';
import type { Lexicon } from '../core/lexicon.js';
import { isDocumentId } from '../core/meta.js';
import { UsageError } from '../errors.js';
import type { Explanation } from '../model.js';
import { assertCorpusExists, findStored } from '../io/corpus-store.js';
import { readDocument } from '../io/read-document.js';
import { readInput } from '../io/read-input.js';

/** Options of explain. */
export interface ExplainOptions {
  corpus: string;
  lexicon: Lexicon;
  theme?: string;
  stdin: NodeJS.ReadableStream;
}

/** Returns the explanation of a document given by corpus id, file path, or `-`. */
export async function explainDocument(ref: string, options: ExplainOptions): Promise<Explanation> {
  const all = options.lexicon.taxonomy.themes.map((t) => t.id);
  if (options.theme !== undefined && !all.includes(options.theme)) {
    throw new UsageError(`--theme: unknown theme "${options.theme}" (themes: ${all.join(', ')})`);
  }
  const document = await loadDocument(ref, options);
  const analysis = analyseDocument(options.lexicon, document);
  const asserted = analysis.themes.map((t) => t.id);
  const wanted = options.theme === undefined ? asserted : [options.theme];
  return explainAnalysis(analysis, document, wanted);
}

async function loadDocument(ref: string, options: ExplainOptions) {
  if (ref === '-' || (await isFile(ref))) {
    const parsed = await readDocument(await readInput({ source: ref }, options.stdin), ref);
    return { source: ref, id: parsed.id, meta: parsed.meta, body: parsed.body, pages: parsed.pages };
  }
  if (!isDocumentId(ref)) throw new UsageError(`"${ref}" is neither a file nor a document id (see aipolicy list)`);
  await assertCorpusExists(options.corpus);
  const stored = await findStored(options.corpus, ref);
  if (!stored) throw new UsageError(`no document "${ref}" in corpus ${options.corpus}, and no such file (see aipolicy list)`);
  return { source: stored.path, id: stored.id, meta: stored.meta, body: stored.body, pages: stored.pages };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
