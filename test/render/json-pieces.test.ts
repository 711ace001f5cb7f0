// A long ingest report is written in pieces; joined, they are exactly the JSON of the whole report.
import { describe, expect, it } from 'vitest';
import { stringifyJsonSafe } from '../../src/core/json-safe.js';
import type { IngestResult, ListedDocument } from '../../src/model.js';
import { renderJson, renderJsonPieces } from '../../src/render/json.js';

function results(count: number): IngestResult[] {
  return Array.from({ length: count }, (_, i): IngestResult =>
    i % 7 === 3
      ? { source: `in/${i}.md`, status: 'failed', error: `line\n"quoted" \u202e ${i}` }
      : { source: `in/${i}.md`, id: `doc-${i}`, ...(i % 5 === 0 ? { missing: ['level'] } : {}), status: 'stored', language: 'nl', themes: i % 2 ? ['data', 'skills'] : [] },
  );
}

describe('JSON of a long ingest report', () => {
  it.each([
    ['2,500 results with skipped files', 2500, [{ source: 'x.exe', reason: 'not a document' }]],
    ['1,001 results, nothing skipped', 1001, []],
    ['exactly 2,000 results', 2000, undefined],
  ] as const)('%s: the pieces are the whole JSON', (_, count, skipped) => {
    const report = { kind: 'ingest' as const, dryRun: false, results: results(count), ...(skipped ? { skipped: [...skipped] } : {}) };
    const whole = `${stringifyJsonSafe({ dryRun: report.dryRun, results: report.results, ...(report.skipped ? { skipped: report.skipped } : {}) }, 2)}\n`;
    const pieces = [...renderJsonPieces(report)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(whole);
    expect(renderJson(report)).toBe(whole);
    expect(JSON.parse(whole).results).toHaveLength(count);
  });
});

function listed(count: number): ListedDocument[] {
  return Array.from({ length: count }, (_, i): ListedDocument => ({
    id: `doc-${i}`,
    meta: i % 3 === 0 ? { title: `Titel "${i}"\n\u202e`, level: 'regional', country: ['BE'], region: 'Flanders' } : { level: 'eu', country: ['EU'], date: '2024' },
    language: i % 2 ? 'fr' : 'nl',
    themes: i % 4 ? [{ id: 'data', score: 0.5 + i / 1e6 }] : [],
    stale: i % 10 === 0,
  }));
}

describe('JSON of a long list', () => {
  it.each([1001, 2000, 2500])('%i documents: the pieces are the whole JSON', (count) => {
    const report = { kind: 'list' as const, documents: listed(count) };
    const whole = `${stringifyJsonSafe(report.documents.map((d) => ({ id: d.id, ...d.meta, language: d.language, themes: d.themes, stale: d.stale })), 2)}\n`;
    const pieces = [...renderJsonPieces(report)];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(whole);
    expect(JSON.parse(whole)).toHaveLength(count);
  });

  it('a short list comes whole', () => {
    const report = { kind: 'list' as const, documents: listed(3) };
    expect([...renderJsonPieces(report)]).toHaveLength(1);
    expect(JSON.parse(renderJson(report)).map((d: { id: string }) => d.id)).toEqual(['doc-0', 'doc-1', 'doc-2']);
  });
});
