// The shared pool of `--jobs auto`: a worker thread and this thread preparing inputs side by side.
// The pool starts real worker threads, so it is loaded from the build (npm test builds first).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/cli.js';
import { inThread, sharedPool, type PreparerOptions } from '../../dist/src/workflows/preparers.js';
import { openTaxonomy } from '../../dist/src/workflows/taxonomy-source.js';

const sources = join(FIXTURES, 'sources');
const names = readdirSync(sources).sort();
const options = (): PreparerOptions => ({
  taxonomy: openTaxonomy(),
  taxonomyDir: undefined,
  settings: { corpus: join(FIXTURES, 'no-corpus'), overrides: {}, dryRun: true },
  current: new Map(),
});
const inputs = () => names.map((n) => ({ source: join(sources, n), bytes: new Uint8Array(readFileSync(join(sources, n))) }));

describe('the shared pool of --jobs auto', () => {
  it('prepares inputs in the worker and in this thread alike, and gives what one thread gives', async () => {
    const alone = inThread(options());
    const expected = [];
    for (const { source, bytes } of inputs()) expected.push(await alone.prepare(bytes, source));
    const pool = await sharedPool(1, options(), 2);
    try {
      // Sent without waiting: the worker gets two, and while it has two unfinished this thread takes the next.
      const results = await Promise.all(inputs().map(({ source, bytes }) => pool.prepare(bytes, source)));
      expect(names.length).toBeGreaterThan(3);
      expect(pool.preparedHere()).toBeGreaterThan(0);
      expect(pool.preparedHere()).toBeLessThan(names.length);
      expect(results).toEqual(expected);
      expect(results.every((r) => r.kind === 'prepared')).toBe(true);
      // With nothing unfinished, the next input goes to the worker again.
      const before = pool.preparedHere();
      const { source, bytes } = inputs()[0]!;
      expect(await pool.prepare(bytes, source)).toEqual(expected[0]);
      expect(pool.preparedHere()).toBe(before);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('fails with the reason when this thread cannot compile its lexicon, and does not hang', async () => {
    const broken = options();
    broken.taxonomy = { ...broken.taxonomy, lexicon: () => Promise.reject(new Error('taxonomy/themes/data.yml: broken')) };
    await expect(sharedPool(1, broken, 2)).rejects.toThrow('taxonomy/themes/data.yml: broken');
  }, 60_000);
});
