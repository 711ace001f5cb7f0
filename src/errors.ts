// Error classes and the exit-code table. Only cli.ts turns these into process exit codes.

/** Exit codes of the command line, part of the interface other programs rely on. */
export const EXIT = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  input: 2,
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Base class: an error the tool expected and can explain in one line. */
export class AipolicyError extends Error {
  readonly exitCode: ExitCode;
  readonly file: string | undefined;

  constructor(message: string, exitCode: ExitCode, file?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.file = file;
  }
}

/** A bad flag, argument or option combination (exit 2). */
export class UsageError extends AipolicyError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** An input the tool refuses: unreadable, undecodable, invalid front matter (exit 2). */
export class InputError extends AipolicyError {
  constructor(file: string, message: string) {
    super(message, EXIT.input, file);
  }
}

/** A corpus folder or stored document that cannot be used as it is (exit 2). */
export class CorpusError extends AipolicyError {
  constructor(file: string, message: string) {
    super(message, EXIT.input, file);
  }
}

/** The corpus cannot take any write (disk full, read-only, no permission): a batch stops here (exit 2). */
export class CorpusWriteError extends CorpusError {}

/** The taxonomy data shipped with the tool is malformed: a broken install (exit 3). */
export class TaxonomyError extends AipolicyError {
  constructor(message: string) {
    super(message, EXIT.internal, 'taxonomy');
  }
}

/** Returns `aipolicy: <file>: <what is wrong>` on one line: line breaks in a file name or a quoted value are shown as \n, \r. */
export function formatMessage(file: string | undefined, message: string): string {
  const line = (text: string): string => text.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return file === undefined ? `aipolicy: ${line(message)}` : `aipolicy: ${line(file)}: ${line(message)}`;
}

/** Returns the one-line message for an error, `aipolicy: <file>: <what is wrong>`. */
export function formatError(error: unknown): string {
  if (error instanceof AipolicyError) return formatMessage(error.file, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return formatMessage(undefined, `internal error: ${message}`);
}

/** Returns the exit code an error maps to: its own for known errors, 3 for anything else. */
export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof AipolicyError ? error.exitCode : EXIT.internal;
}
