// The CLI's way to a renderer (formats.ts): the table renderer loads chalk only when colour is asked
// for. Its own file, so that no other import (render/index.ts loads colour for the library) has
// loaded colour before these tests.
import { describe, expect, it } from 'vitest';
import { buildCoverage, checkCoverage } from '../../src/core/compare.js';
import { buildManifest } from '../../src/core/manifest.js';
import type { AnalysisScope, ComparedDocument } from '../../src/model.js';
import { loadRenderer, type Report } from '../../src/render/formats.js';
import { painterFor } from '../../src/render/paint.js';

const docs: ComparedDocument[] = [{ id: 'a', meta: { level: 'federal', country: ['BE'] }, language: 'nl', themes: [{ id: 'data', score: 0.9 }] }];
const coverage = buildCoverage(docs, ['data'], 'level');
const scope: AnalysisScope = { manifest: buildManifest(docs, { version: '0.0.0', taxonomyVersion: 't', by: 'level', filters: [] }), documents: docs, evidence: false };
const report: Report = { kind: 'coverage', check: checkCoverage(coverage, ['data']), scope };

describe('loadRenderer for the table', () => {
  it('renders without colour, and without chalk loaded', async () => {
    const render = await loadRenderer('table', 'coverage');
    const text = render(report, { color: false, width: 80 });
    expect(text).toContain('│ data          │  ●1/1   │');
    expect(text).not.toContain('\u001b');
    expect(() => painterFor(true)).toThrow(/colour output asked for/);
  });
  it('loads the colour painter when asked for colour, and colours the cells', async () => {
    const render = await loadRenderer('table', 'coverage', true);
    expect(render(report, { color: true, width: 80 })).toContain('\u001b[42m\u001b[30m●1/1');
  });
});
