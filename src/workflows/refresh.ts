// refresh: stored documents whose analysis is stale are analysed again and rewritten, under the corpus lock.
import { analyseDocument } from '../core/analyse.js';
import type { Lexicon } from '../core/lexicon.js';
import { buildStoredDocument, hashText } from '../core/record.js';
import type { CorpusError } from '../errors.js';
import type { IngestResult } from '../model.js';
import { assertCorpusExists, eachStored, writeStored } from '../io/corpus-store.js';
import { isStale } from './corpus.js';
import { withWriteLock, type IngestOptions } from './ingest.js';

/** Options of a refresh run. */
export interface RefreshOptions extends Pick<IngestOptions, 'lock' | 'notify' | 'faults'> {
  lexicon: Lexicon;
  dryRun: boolean;
}

/** Returns one result per stored document (updated or unchanged) and the corpus files that could not be read. */
export async function refreshCorpus(dir: string, options: RefreshOptions): Promise<{ results: IngestResult[]; problems: CorpusError[] }> {
  await assertCorpusExists(dir);
  const { lexicon, dryRun } = options;
  return withWriteLock(dir, 'refresh', dryRun ? {} : options, async () => {
    const results: IngestResult[] = [];
    const problems: CorpusError[] = [];
    // One document in memory at a time: refreshing 10,000 documents read them all first and took 444 MB.
    for await (const read of eachStored(dir)) {
      if (read.problem) {
        problems.push(read.problem);
        continue;
      }
      const doc = read.document;
      if (!isStale(doc, lexicon.taxonomy.version)) {
        results.push({ source: doc.path, id: doc.id, status: 'unchanged', language: doc.language, themes: doc.themes.map((t) => t.id) });
        continue;
      }
      const analysis = analyseDocument(lexicon, doc);
      const parsed = { ...doc, source: doc.path, contentHash: hashText(doc.body) };
      if (!dryRun) await writeStored(dir, buildStoredDocument(parsed, analysis, doc.path), { faults: options.faults });
      results.push({ source: doc.path, id: doc.id, status: 'updated', language: analysis.language, themes: analysis.themes.map((t) => t.id) });
    }
    return { results, problems };
  });
}
