import { describe, expect, it } from 'vitest';
import { evaluate, scoresOf } from '../../scripts/eval/metrics.js';

describe('scoresOf', () => {
  it.each([
    [{ tp: 8, fp: 2, fn: 2 }, 0.8, 0.8, 0.8],
    [{ tp: 1, fp: 0, fn: 3 }, 1, 0.25, 0.4],
    [{ tp: 0, fp: 2, fn: 0 }, 0, 1, 0],
    [{ tp: 0, fp: 0, fn: 0 }, 1, 1, 1],
  ])('%j', (counts, precision, recall, f1) => {
    const s = scoresOf(counts);
    expect(s.precision).toBeCloseTo(precision);
    expect(s.recall).toBeCloseTo(recall);
    expect(s.f1).toBeCloseTo(f1);
  });
});

describe('evaluate', () => {
  it('computes per-label, macro and micro scores', () => {
    const report = evaluate(
      [
        { gold: ['a'], predicted: ['a'] },
        { gold: ['a', 'b'], predicted: ['a'] },
        { gold: [], predicted: ['b'] },
        { gold: ['b'], predicted: ['b'] },
      ],
      ['a', 'b', 'c'],
    );
    expect(report.labels['a']!.f1).toBeCloseTo(1);
    expect(report.labels['b']!.precision).toBeCloseTo(0.5);
    expect(report.labels['b']!.recall).toBeCloseTo(0.5);
    expect(report.macro.f1).toBeCloseTo(0.75);
    expect(report.micro.precision).toBeCloseTo(3 / 4);
    expect(report.micro.recall).toBeCloseTo(3 / 4);
  });
});
