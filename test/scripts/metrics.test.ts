import { describe, expect, it } from 'vitest';
import { errorBands, evaluate, scoresOf } from '../../scripts/eval/metrics.js';

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

describe('errorBands', () => {
  it('counts wrong decisions by score band, and those in the bands next to the threshold, ignoring right ones', () => {
    const bands = errorBands(
      [
        { gold: true, predicted: false, score: undefined },
        { gold: true, predicted: false, score: 0.1 },
        { gold: true, predicted: false, score: 0.45 },
        { gold: true, predicted: false, score: 0.49 },
        { gold: false, predicted: true, score: 0.55 },
        { gold: false, predicted: true, score: 1 },
        { gold: true, predicted: true, score: 0.9 },
        { gold: false, predicted: false, score: 0.2 },
      ],
      0.5,
      [0.3, 0.4],
      [0.6, 0.7],
    );
    expect(bands.total).toBe(6);
    expect(bands.missed.noTerm).toBe(1);
    expect(bands.missed.bands.map((b) => b.count)).toEqual([1, 0, 2]);
    expect(bands.extra.map((b) => [b.from, b.to, b.count])).toEqual([
      [0.5, 0.6, 1],
      [0.6, 0.7, 0],
      [0.7, 1, 1],
    ]);
    expect(bands.nearThreshold).toBe(3);
  });
});
