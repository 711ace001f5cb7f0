// The shell: the only module that touches process (argv, streams, TTY, environment, exit code).
import { hostname } from 'node:os';
import { Command, CommanderError } from './commands/commander.js';
import { EXIT, exitCodeOf, formatError, type ExitCode } from './errors.js';
import { readToolVersion } from './io/package-info.js';
import type { CommandContext } from './commands/context.js';
import { COMMANDS, type CommandEntry } from './commands/index.js';
import { sanitizeForTerminal } from './render/text-safe.js';


/** Colour only on a TTY, never with NO_COLOR (any value), forced off by --no-color. */
function wantsColor(argv: string[]): boolean {
  if (argv.includes('--no-color')) return false;
  if (process.env['NO_COLOR'] !== undefined) return false;
  return process.stdout.isTTY === true;
}

/** Resolves when a stream has drained, or has closed or failed (main() deals with a closed pipe). */
function waitForDrain(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.once('drain', done).once('close', done).once('error', done);
  });
}

/** Returns true when a process with this pid exists (signal 0 only checks; EPERM means it exists under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A stand-in that lists a command in the top-level help without loading it. */
function summaryOf(entry: CommandEntry): Command {
  const command = new Command(entry.name).description(entry.description);
  for (const arg of entry.args.split(' ').filter((a) => a !== '')) command.argument(arg);
  return command;
}

/** Runs the command line and returns the exit code. */
export async function run(argv: string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const debug = argv.includes('--debug');
  const context: CommandContext = {
    stdin: process.stdin,
    out: (text) => process.stdout.write(text),
    drained: () => (process.stdout.writableNeedDrain ? waitForDrain(process.stdout) : Promise.resolve()),
    // Messages quote file names, ids and front matter values: never let them drive the terminal.
    err: (text) => process.stderr.write(sanitizeForTerminal(text, true)),
    color: wantsColor(argv),
    width: process.stdout.columns ?? 80,
    env: process.env,
    owner: { pid: process.pid, host: hostname(), isRunning },
    raise: (next) => {
      if (next > code) code = next;
    },
    ...(process.stderr.isTTY === true
      ? { progress: { write: (text: string) => process.stderr.write(text), columns: process.stderr.columns || 80, now: () => performance.now() } }
      : {}),
  };
  const program = new Command('aipolicy')
    .description('Language, themes, overlap and gaps of AI policy texts from the Benelux and the EU')
    .version(readToolVersion())
    .option('--debug', 'print stack traces for errors')
    .option('--no-color', 'never colour the output')
    .showHelpAfterError('(run aipolicy --help for usage)')
    .configureOutput({
      writeOut: context.out,
      writeErr: context.err,
      outputError: (message, write) => write(`aipolicy: ${message.replace(/^error: /, '')}`),
    })
    .exitOverride();
  // Only the command being run (or asked about with `help <command>`) is loaded; the others are
  // listed from their summaries.
  const positional = argv.filter((a) => !a.startsWith('-'));
  const wanted = positional[0] === 'help' ? positional[1] : positional[0];
  for (const entry of COMMANDS) {
    const command = entry.name === wanted ? (await entry.load())(context) : summaryOf(entry);
    program.addCommand(
      command.exitOverride().configureOutput({
        writeOut: context.out,
        writeErr: context.err,
        outputError: (message, write) => write(`aipolicy: ${message.replace(/^error: /, '')}`),
      }),
    );
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      return ok ? Math.max(code, EXIT.ok) as ExitCode : EXIT.usage;
    }
    const exit = exitCodeOf(error);
    context.err(`${formatError(error)}\n`);
    if (debug || exit === EXIT.internal) context.err(`${error instanceof Error ? error.stack ?? '' : ''}\n`);
    return Math.max(code, exit) as ExitCode;
  }
  return code;
}

/** Entry point used by bin/aipolicy.js. */
export async function main(): Promise<void> {
  // A closed pipe (aipolicy list | head) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await run(process.argv.slice(2));
}
