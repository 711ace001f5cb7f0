// emit hands JSON to the shell a piece at a time, and waits for each piece to be drained before the
// next: a slow reader of a pipe must not make the output pile up in memory.
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';
import { emit } from '../../src/commands/context.js';
import { buildCoverage, checkCoverage } from '../../src/core/compare.js';
import { buildManifest } from '../../src/core/manifest.js';
import type { AnalysisScope, ComparedDocument } from '../../src/model.js';
import { renderJson } from '../../src/render/json.js';
import type { Report } from '../../src/render/formats.js';

const docs: ComparedDocument[] = Array.from({ length: 3000 }, (_, i) => ({
  id: `doc-${String(i).padStart(5, '0')}`,
  meta: { level: i % 2 === 0 ? 'federal' : 'regional', country: ['BE'] },
  language: 'nl',
  themes: [{ id: 'data', score: 0.9 }],
}));
const coverage = buildCoverage(docs, ['data', 'skills'], 'level');
const scope: AnalysisScope = { manifest: buildManifest(docs, { version: '0.0.0', taxonomyVersion: 't', by: 'level', filters: [] }), documents: docs, evidence: false };
const report: Report = { kind: 'coverage', check: checkCoverage(coverage, ['data']), scope };

describe('emit, JSON', () => {
  it('writes the whole report, waiting for the shell to drain each piece before the next', async () => {
    const events: string[] = [];
    const pieces: string[] = [];
    const context = {
      out: (text: string) => {
        pieces.push(text);
        events.push('out');
      },
      drained: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        events.push('drained');
      },
    } as unknown as CommandContext;
    await emit(context, report, 'json');
    expect(pieces.join('')).toBe(renderJson(report));
    expect(pieces.length).toBeGreaterThan(3);
    // out, drained, out, drained…: never two pieces without a drain between them.
    expect(events).toEqual(pieces.flatMap(() => ['out', 'drained']));
  });
  it('writes the same without a drained hook', async () => {
    const pieces: string[] = [];
    await emit({ out: (text: string) => pieces.push(text) } as unknown as CommandContext, report, 'json');
    expect(pieces.join('')).toBe(renderJson(report));
  });
});
