import { describe, expect, it } from 'vitest';
import { PROGRESS_DELAY_MS, startProgress } from '../../src/commands/progress.js';

function fakeTerminal(): { sink: { write: (t: string) => void; columns: number; now: () => number }; output: string[]; advance: (ms: number) => void } {
  let clock = 1000;
  const output: string[] = [];
  return { sink: { write: (t) => output.push(t), columns: 80, now: () => clock }, output, advance: (ms) => (clock += ms) };
}

describe('startProgress', () => {
  it('stays silent for a short run', () => {
    const { sink, output, advance } = fakeTerminal();
    const progress = startProgress(sink);
    for (let i = 0; i < 5; i++) {
      progress.update(i, 5);
      advance(50);
    }
    progress.finish();
    expect(output).toEqual([]);
  });

  it('draws once the run lasts a moment, at most every 100 ms, and wipes the line at the end', () => {
    const { sink, output, advance } = fakeTerminal();
    const progress = startProgress(sink);
    advance(PROGRESS_DELAY_MS);
    progress.update(1, 10);
    advance(20);
    progress.update(2, 10);
    advance(100);
    progress.update(3, 10);
    progress.finish();
    expect(output).toHaveLength(3);
    expect(output[0]).toMatch(/^\r\u001b\[2K\[#+-+\] 1\/10 files · 2\.0\/s · ETA 5s$/);
    expect(output[1]).toContain('3/10 files');
    expect(output[2]).toBe('\r\u001b[2K');
  });

  it('does nothing without a terminal', () => {
    const progress = startProgress(undefined);
    expect(() => {
      progress.update(1, 2);
      progress.finish();
    }).not.toThrow();
  });
});
