import { describe, expect, it } from 'vitest';
import { formatDuration, renderProgress } from '../../src/render/progress.js';

describe('renderProgress', () => {
  it.each([
    [{ done: 10, total: 40, elapsedMs: 2000, width: 80 }, `[${'#'.repeat(8)}${'-'.repeat(22)}] 10/40 files · 5.0/s · ETA 6s`],
    [{ done: 0, total: 40, elapsedMs: 600, width: 80 }, `[${'-'.repeat(30)}] 0/40 files · 0.0/s · ETA …`],
    [{ done: 40, total: 40, elapsedMs: 8000, width: 80 }, `[${'#'.repeat(30)}] 40/40 files · 5.0/s · ETA 0s`],
    [{ done: 1, total: 400, elapsedMs: 1000, width: 30 }, '1/400 files · 1.0/s · ETA 6m3'],
  ])('%j', (state, line) => {
    expect(renderProgress(state)).toBe(line);
  });

  it.each([
    [0, '0s'],
    [59_400, '59s'],
    [61_000, '1m01s'],
    [3_725_000, '62m05s'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
