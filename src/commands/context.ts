// What a command receives from the shell: streams, colour, width, environment. Commands never touch process.
import { Command, Option } from './commander.js';
import { LEVELS, type MetaOverrides } from '../core/meta.js';
import { EXIT, formatError, UsageError, type ExitCode } from '../errors.js';
import { checkFormatName, formatNames, loadRenderer, type Report, type ReportKind } from '../render/formats.js';
import type { LockOwner } from '../io/corpus-lock.js';
import { parseWriteFaults } from '../io/fault.js';
import type { CorpusLockOptions } from '../workflows/ingest.js';
import type { ProgressSink } from './progress.js';

/** The shell's side of a command run. */
export interface CommandContext {
  stdin: NodeJS.ReadableStream;
  out: (text: string) => void;
  /** Resolves when what `out` was given has been handed on (stdout's buffer drained); absent: at once. */
  drained?: () => Promise<void>;
  err: (text: string) => void;
  color: boolean;
  width: number;
  env: Record<string, string | undefined>;
  /** Raised by commands; the shell exits with the highest code raised. */
  raise: (code: ExitCode) => void;
  /** The terminal's stderr for progress bars; absent when stderr is not a TTY. */
  progress?: ProgressSink;
  /** This process, as the corpus lock records it. */
  owner: LockOwner;
}

/** Options shared by the commands that read or write a corpus. */
export interface CorpusOptions {
  corpus?: string;
}

/** Returns the corpus folder: --corpus, else AIPOLICY_CORPUS, else ./corpus. */
export function resolveCorpus(options: CorpusOptions, context: CommandContext): string {
  return options.corpus ?? context.env['AIPOLICY_CORPUS'] ?? 'corpus';
}

/** Adds --corpus to a command. */
export function withCorpus(command: Command): Command {
  return command.option('--corpus <dir>', 'corpus folder (default: $AIPOLICY_CORPUS or ./corpus)');
}

/** Adds --format to a command (listing the formats that can render `kind`). */
export function withFormat(command: Command, fallback = 'table', kind?: ReportKind): Command {
  return command.addOption(new Option('--format <format>', `output format: ${formatNames(kind).join(', ')}`).default(fallback));
}

/** Adds the metadata flags that override front matter. */
export function withMetaFlags(command: Command): Command {
  return command
    .option('--level <level>', `level of government: ${LEVELS.join(', ')}`)
    .option('--country <codes>', 'country code(s), e.g. BE or "BE;NL;LU"')
    .option('--region <name>', 'region or community, e.g. Flanders')
    .option('--title <title>', 'document title')
    .option('--date <date>', 'date: YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--publisher <name>', 'publisher');
}

/** Returns the metadata overrides given as flags. */
export function metaOverridesOf(options: Record<string, unknown>): MetaOverrides {
  const out: MetaOverrides = {};
  for (const key of ['title', 'level', 'country', 'region', 'date', 'publisher'] as const) {
    const value = options[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** Renders a report to stdout in the requested format (its renderer loaded on demand). */
export async function emit(context: CommandContext, report: Report, format: string): Promise<void> {
  if (format === 'json') {
    // JSON comes in pieces: a long ingest report is never held whole.
    const { renderJsonPieces } = await import('../render/json.js');
    // Waiting for each piece to be handed on keeps a slow reader of a pipe from making the output pile up in memory.
    for (const piece of renderJsonPieces(report)) {
      context.out(piece);
      if (context.drained) await context.drained();
    }
    return;
  }
  const color = context.color && format === 'table';
  const render = await loadRenderer(format, report.kind, color);
  context.out(render(report, { color, width: context.width }));
}

/** Reports errors of individual files on stderr, one line each, and raises exit 2 when there are any. */
export function reportFileErrors(context: CommandContext, errors: unknown[]): void {
  for (const error of errors) context.err(`${formatError(error)}\n`);
  if (errors.length > 0) context.raise(EXIT.input);
}

/** Returns a positive integer option value; throws UsageError otherwise. */
export function parseCount(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${flag} must be a whole number of 1 or more (got "${value}")`);
  return Number(value);
}

/** Checks the format name early so a typo fails before any work is done. */
export function checkFormat(format: string, kind?: ReportKind): void {
  checkFormatName(format, kind);
}

/** Seconds a writing command waits for another run's corpus lock by default. */
export const LOCK_TIMEOUT_SECONDS = 60;

/** Adds --lock-timeout to a command that writes the corpus. */
export function withLockTimeout(command: Command): Command {
  return command.option('--lock-timeout <seconds>', 'how long to wait for another run that holds the corpus lock', String(LOCK_TIMEOUT_SECONDS));
}

/** Returns what a writing workflow needs from the shell: the lock, stderr for its messages, and the AIPOLICY_FAULT test hook. */
export function writeOptionsOf(options: Record<string, unknown>, context: CommandContext): { lock: CorpusLockOptions; notify: (message: string) => void; faults: ReturnType<typeof parseWriteFaults> } {
  const value = String(options['lockTimeout']);
  if (!/^\d+(?:\.\d+)?$/.test(value)) throw new UsageError(`--lock-timeout must be a number of seconds (got "${value}")`);
  return {
    lock: { owner: context.owner, timeoutMs: Number(value) * 1000 },
    notify: (message) => context.err(`${message}\n`),
    faults: parseWriteFaults(context.env['AIPOLICY_FAULT']),
  };
}
