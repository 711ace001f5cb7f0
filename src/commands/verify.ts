// aipolicy verify: check every file of a corpus; exit 1 naming each problem, 0 when it is clean.
import { Command } from './commander.js';
import { EXIT, formatMessage } from '../errors.js';
import { readTaxonomy } from '../io/read-taxonomy.js';
import { verifyCorpus } from '../workflows/verify.js';
import { checkFormat, emit, resolveCorpus, withCorpus, withFormat, type CommandContext } from './context.js';

/** Returns the verify command. */
export function verifyCommand(context: CommandContext): Command {
  const command = new Command('verify').description(
    'check a corpus: front matter schema, content hashes, stale analyses, duplicate ids and texts, file names, leftover temporary files; exit 1 on any problem',
  );
  return withFormat(withCorpus(command)).action(async (options: Record<string, unknown>) => {
    const format = String(options['format']);
    checkFormat(format);
    const report = await verifyCorpus(resolveCorpus(options, context), { taxonomy: readTaxonomy(), owner: context.owner });
    for (const note of report.notes) context.err(`${formatMessage(undefined, note)}\n`);
    await emit(context, { kind: 'verify', verify: report }, format);
    if (!report.passed) context.raise(EXIT.checkFailed);
  });
}
