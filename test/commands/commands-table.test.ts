// The top-level help lists commands from summaries, without loading them: each summary must say
// what the command itself says.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import type { CommandContext } from '../../src/commands/context.js';

const context = {
  stdin: process.stdin,
  out: () => undefined,
  err: () => undefined,
  color: false,
  width: 80,
  env: {},
  owner: { pid: process.pid, host: 'test', isRunning: () => true },
  raise: () => undefined,
} as unknown as CommandContext;

describe('the command table', () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))('%s: the summary matches the command', async (name, entry) => {
    const command = (await entry.load())(context);
    expect(command.name()).toBe(name);
    expect(command.description()).toBe(entry.description);
    const args = command.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`));
    expect(args.join(' ')).toBe(entry.args);
  });

  it('lists every command once', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['ingest', 'tag', 'list', 'show', 'explain', 'overlap', 'gaps', 'coverage', 'report', 'diff', 'taxonomy', 'refresh', 'verify']);
  });
});
