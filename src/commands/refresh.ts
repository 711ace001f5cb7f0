// aipolicy refresh: re-analyse stored documents whose analysis is stale, and store the result.
import { Command } from 'commander';
import { analyseDocument } from '../core/analyse.js';
import { buildStoredDocument, hashText } from '../core/record.js';
import type { IngestResult } from '../model.js';
import { listCorpus, writeStored } from '../io/corpus-store.js';
import { isStale } from '../workflows/corpus.js';
import { loadLexicon } from '../workflows/lexicon.js';
import { checkFormat, emit, reportFileErrors, resolveCorpus, withCorpus, withFormat, type CommandContext } from './context.js';

/** Returns the refresh command. */
export function refreshCommand(context: CommandContext): Command {
  const command = new Command('refresh')
    .description('re-analyse documents stored with another taxonomy version or edited by hand')
    .option('--dry-run', 'show what would be updated, write nothing');
  return withFormat(withCorpus(command)).action(async (options: Record<string, unknown>) => {
    const format = String(options['format']);
    checkFormat(format);
    const dir = resolveCorpus(options, context);
    const lexicon = loadLexicon();
    const listing = await listCorpus(dir);
    reportFileErrors(context, listing.problems);
    const dryRun = options['dryRun'] === true;
    const results: IngestResult[] = [];
    for (const doc of listing.documents) {
      if (!isStale(doc, lexicon)) {
        results.push({ source: doc.path, id: doc.id, status: 'unchanged', language: doc.language, themes: doc.themes.map((t) => t.id) });
        continue;
      }
      const analysis = analyseDocument(lexicon, doc);
      const parsed = { ...doc, source: doc.path, contentHash: hashText(doc.body) };
      if (!dryRun) await writeStored(dir, buildStoredDocument(parsed, analysis, doc.path));
      results.push({ source: doc.path, id: doc.id, status: 'updated', language: analysis.language, themes: analysis.themes.map((t) => t.id) });
    }
    emit(context, { kind: 'ingest', results, dryRun }, format);
  });
}
