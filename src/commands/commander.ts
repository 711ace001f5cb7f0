// The only importer of commander. It is a CommonJS package: required here, it skips node's
// ES-module wrapper and the scan of its exports that node runs on a CommonJS module imported from
// an ES module, about 2.5 ms of every start of the tool (measured on this project's machine).
import { createRequire } from 'node:module';
import type * as Commander from 'commander';

const commander = createRequire(import.meta.url)('commander') as typeof Commander;

/** commander's Command class (one per subcommand). */
export const Command = commander.Command;
export type Command = Commander.Command;
/** commander's Option class (options with choices, defaults, hidden ones). */
export const Option = commander.Option;
export type Option = Commander.Option;
/** The error commander throws under exitOverride (help shown, usage error). */
export const CommanderError = commander.CommanderError;
export type CommanderError = Commander.CommanderError;
