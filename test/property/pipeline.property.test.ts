// Property tests: arbitrary bytes and strings through the whole pipeline (read → parse → detect →
// tag → store → render in every format). No exception other than a typed input error (exit 2)
// escapes, the same input gives the same output, JSON stays parseable, CSV parses back with no cell
// a spreadsheet could run, terminal output carries no control character, and what is stored reads
// back and verifies clean.
// Runs are bounded (see RUNS) and the seed is fixed so CI is repeatable; FC_SEED=<n> explores others.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseDocument } from '../../src/core/analyse.js';
import { buildCoverage, buildGaps, buildOverlap, checkCoverage } from '../../src/core/compare.js';
import { explainAnalysis } from '../../src/core/explain.js';
import { buildStoredDocument } from '../../src/core/record.js';
import { checkStoredDocument } from '../../src/core/verify.js';
import { AipolicyError, formatError } from '../../src/errors.js';
import { corpusPath, listCorpus, writeStored } from '../../src/io/corpus-store.js';
import { parseFrontMatter, stringifyFrontMatter } from '../../src/io/front-matter.js';
import { readDocument } from '../../src/io/read-document.js';
import { toFrontMatter } from '../../src/core/record.js';
import type { DocumentView, StoredDocument, VerifyReport } from '../../src/model.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildManifest } from '../../src/core/manifest.js';
import { formatNames, getRenderer, type Report } from '../../src/render/index.js';
import { storedView, toCompared, viewDocuments } from '../../src/workflows/corpus.js';
import { sourceOf } from '../../src/workflows/taxonomy-source.js';
import { loadLexicon } from '../../src/workflows/lexicon.js';
import { verifyCorpus } from '../../src/workflows/verify.js';
import { makeTempDir } from '../helpers/cli.js';

/** Runs per property; their sum is the number reported in the README. */
export const RUNS = { bytes: 150, text: 150, frontMatter: 200, renderers: 150, store: 25 } as const;
const SEED = Number(process.env['FC_SEED'] ?? 20_240_601);
const lexicon = loadLexicon();
const THEMES = lexicon.taxonomy.themes.map((t) => t.id);

// Pieces that reach the corners: delimiters, code front matter, YAML syntax, controls, escapes,
// bidi and line separators, BOMs, combining marks, theme terms in four languages, list markers.
const FRAGMENTS = [
  '---', '---js', '--- JavaScript', '---coffee', '...', '\n', '\r\n', '\r', '\t', '  ', 'title: ', 'level: federal', 'country: [BE, NL]',
  'id: ../../x', '&a [1]', '*a', '[', ']', '{', '}', '"', "'", ':', '#', '- ', '• ', '1. ', '\u0000', '\u0007', '\u001b[31m', '\u001b]0;x\u0007',
  '\u009b', '\u202e', '\u2066', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\ud800', 'e\u0301', 'ﬁ', 'cyberveiligheid',
  'gezondheidszorg', 'données ouvertes', 'Künstliche Intelligenz', 'public services', 'Meer nieuws', '<html>', '<p>', '%PDF-', 'PK\u0003\u0004',
];
const piece = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 30 }));
const hostileText = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
const SOURCES = ['doc.md', 'doc.txt', 'page.html', 'file.pdf', 'file.docx', 'noext', '-'];
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const SGR = /\u001b\[[0-9;]*m/g;
const render = { color: false, width: 80 };

/** Returns every output of every format for a report (with and without colour), checking each as it goes. */
function renderAll(report: Report): string[] {
  const outputs: string[] = [];
  for (const format of formatNames(report.kind)) {
    for (const color of [false, true]) {
      const text = getRenderer(format, report.kind)(report, { ...render, color: color && format === 'table' });
      if (format === 'json') JSON.parse(text);
      if (format === 'csv') checkCsv(text);
      // CSV keeps its CRLF line ends and tabs inside quoted cells: data, not terminal controls.
      const visible = (color ? text.replace(SGR, '') : text).replace(format === 'csv' ? /\r\n|\t/g : /$^/g, ' ');
      if (CONTROL.test(visible)) throw new Error(`${format} output of ${report.kind} carries a control character: ${JSON.stringify(visible.match(CONTROL)![0])}`);
      outputs.push(text);
    }
  }
  return outputs;
}

// A CSV output parses back with an independent parser into rows of equal width, and no cell can
// be read by a spreadsheet as a formula.
function checkCsv(text: string): void {
  const rows = parseCsv(text, { bom: true, relax_column_count: false }) as string[][];
  if (rows.length === 0) throw new Error('CSV output has no header');
  for (const row of rows) {
    for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) throw new Error(`CSV cell could run as a formula: ${JSON.stringify(cell)}`);
  }
}

/** Runs one input through the pipeline and returns everything it printed or the one-line refusal. */
async function runPipeline(bytes: Uint8Array, source: string): Promise<string[]> {
  let parsed;
  try {
    parsed = await readDocument(new Uint8Array(bytes), source);
  } catch (error) {
    if (!(error instanceof AipolicyError) || error.exitCode !== 2) throw error;
    const line = formatError(error);
    if (/[\r\n]/.test(line)) throw new Error(`refusal is not one line: ${JSON.stringify(line)}`);
    renderAll({ kind: 'tag', results: [{ source, error: error.message }] });
    return [line];
  }
  const analysis = analyseDocument(lexicon, parsed);
  const stored = buildStoredDocument(parsed, analysis, `corpus/${parsed.id}.md`);
  const view = (await viewDocuments([stored], sourceOf(lexicon)))[0]!;
  const compared = [toCompared(view)];
  const coverage = buildCoverage(compared, THEMES, 'region', 1);
  const manifest = buildManifest(compared, { version: 'test', taxonomyVersion: lexicon.taxonomy.version, by: 'region', filters: [] });
  const scope = { manifest, documents: compared, evidence: true };
  const explanation = explainAnalysis(analysis, parsed, THEMES);
  const overlap = buildOverlap(coverage);
  const gaps = buildGaps(coverage);
  return [
    ...renderAll({ kind: 'tag', results: [{ source, id: parsed.id, meta: parsed.meta, analysis }] }),
    ...renderAll({ kind: 'show', document: view, body: stored.body }),
    ...renderAll({ kind: 'list', documents: [view] }),
    ...renderAll({ kind: 'ingest', results: [{ source, status: 'stored', id: parsed.id, language: analysis.language, themes: analysis.themes.map((t) => t.id) }], dryRun: false }),
    ...renderAll({ kind: 'overlap', overlap, scope }),
    ...renderAll({ kind: 'gaps', gaps, scope }),
    ...renderAll({ kind: 'coverage', check: checkCoverage(coverage, THEMES), scope }),
    ...renderAll({ kind: 'report', overlap, gaps, scope }),
    ...renderAll({ kind: 'explain', explanation: { ...explanation, source } }),
  ];
}

const outcomes = { analysed: 0, refused: 0 };
const pipelineProperty = async (bytes: Uint8Array, source: string): Promise<void> => {
  const first = await runPipeline(bytes, source);
  const second = await runPipeline(bytes, source);
  expect(second).toEqual(first);
  outcomes[first.length === 1 ? 'refused' : 'analysed'] += 1;
};

describe('the pipeline on arbitrary input', () => {
  it(`arbitrary bytes under every kind of name (${RUNS.bytes} runs)`, async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 1500 }),
      hostileText.map((t) => new Uint8Array(Buffer.from(t, 'utf8'))),
      hostileText.map((t) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]))),
      fc.uint8Array({ maxLength: 400 }).map((b) => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), b]))),
      fc.uint8Array({ maxLength: 400 }).map((b) => new Uint8Array(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), b]))),
    );
    await fc.assert(fc.asyncProperty(bytes, fc.constantFrom(...SOURCES), pipelineProperty), { numRuns: RUNS.bytes, seed: SEED });
  }, 120_000);

  it(`arbitrary text with front matter, code, escapes and theme terms (${RUNS.text} runs)`, async () => {
    const document = fc.tuple(hostileText, hostileText, fc.constantFrom('---\n', '---js\n', '--- yaml\n', '', '\ufeff---\n')).map(
      ([head, body, open]) => new Uint8Array(Buffer.from(`${open}${head}\n---\n${body}`, 'utf8')),
    );
    await fc.assert(fc.asyncProperty(fc.oneof(document, hostileText.map((t) => new Uint8Array(Buffer.from(t, 'utf8')))), fc.constantFrom('doc.md', '-', 'page.html'), pipelineProperty), {
      numRuns: RUNS.text,
      seed: SEED,
    });
  }, 120_000);

  it('went through both ways: many inputs analysed and rendered, many refused', () => {
    expect(outcomes.analysed + outcomes.refused).toBe(RUNS.bytes + RUNS.text);
    expect(outcomes.analysed).toBeGreaterThan((RUNS.bytes + RUNS.text) / 4);
    expect(outcomes.refused).toBeGreaterThan((RUNS.bytes + RUNS.text) / 10);
  });
});

describe('front matter values', () => {
  it(`any title, region, publisher and source is stored, read back the same, and verifies clean (${RUNS.frontMatter} runs)`, async () => {
    const value = fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 40 }));
    await fc.assert(
      fc.asyncProperty(value, value, value, value, hostileText, async (title, region, publisher, url, text) => {
        const input = `---\n${[['title', title], ['region', region], ['publisher', publisher], ['source', url]].map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')}\nlevel: regional\n---\n${text}\nDe zorg en de patiënten.\n`;
        let parsed;
        try {
          parsed = await readDocument(new Uint8Array(Buffer.from(input, 'utf8')), 'doc.md');
        } catch (error) {
          if (error instanceof AipolicyError && error.exitCode === 2) return; // e.g. a lone surrogate is not UTF-8
          throw error;
        }
        const stored = buildStoredDocument(parsed, analyseDocument(lexicon, parsed), 'c/doc.md');
        const file = stringifyFrontMatter(toFrontMatter(stored), stored.body);
        const back = parseFrontMatter(file, 'c/doc.md', { maxBytes: 16 * 1024 * 1024 });
        expect(back.body).toBe(stored.body);
        const checked = checkStoredDocument(back.data, back.body, 'c/doc.md', 'doc.md', { taxonomyVersion: lexicon.taxonomy.version, themeIds: THEMES });
        expect(checked.problems).toEqual([]);
        expect(storedView({ ...stored, meta: stored.meta }).meta).toEqual(parsed.meta);
      }),
      { numRuns: RUNS.frontMatter, seed: SEED },
    );
  }, 120_000);
});

describe('renderers given hostile stored data', () => {
  it(`ids, theme ids, language keys, file names and messages from a hand-edited corpus never reach the terminal raw (${RUNS.renderers} runs)`, () => {
    const text = fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 30 }));
    fc.assert(
      fc.property(text, text, text, text, fc.double(), (id, theme, language, message, score) => {
        const view: DocumentView = {
          id,
          meta: { title: message, region: language, publisher: id, source: theme, date: message },
          language: 'und',
          languages: { [language]: score } as DocumentView['languages'],
          themes: [{ id: theme, score, evidence: [{ text: message, terms: [theme, id], start: 0, end: 1, passage: 0, score }] }],
          stale: false,
          path: id,
          contentHash: theme,
          taxonomyVersion: language,
        };
        const verify: VerifyReport = { corpus: id, documents: 1, problems: [{ file: id, kind: 'schema', message }], notes: [message], passed: false };
        // Comparisons take their themes from the taxonomy: a stored theme id outside it is never a row.
        const compared = [toCompared(view)];
        const coverage = buildCoverage(compared, THEMES, 'region', 1);
        const scope = { manifest: buildManifest(compared, { version: id, taxonomyVersion: language, by: 'region', filters: [] }), documents: compared, evidence: true };
        const reports: Report[] = [
          { kind: 'show', document: view, body: message },
          { kind: 'list', documents: [view] },
          { kind: 'ingest', results: [{ source: id, status: 'failed', error: message }, { source: id, status: 'duplicate', id, duplicateOf: language, themes: [theme] }], dryRun: false, skipped: [{ source: id, reason: message }] },
          { kind: 'tag', results: [{ source: id, error: message }] },
          { kind: 'verify', verify },
          { kind: 'overlap', overlap: buildOverlap(coverage), scope },
          { kind: 'gaps', gaps: buildGaps(coverage), scope },
          { kind: 'coverage', check: checkCoverage(coverage, THEMES), scope },
          { kind: 'report', overlap: buildOverlap(coverage), gaps: buildGaps(coverage), scope },
        ];
        for (const report of reports) expect(renderAll(report)).toEqual(renderAll(report));
      }),
      { numRuns: RUNS.renderers, seed: SEED },
    );
  });
});

describe('the store', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = makeTempDir()));
  afterAll(() => cleanup());

  it(`whatever is stored is listed back whole and verify finds no problem (${RUNS.store} runs, on disk)`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (title, text) => {
        const corpus = join(dir, `c${n++}`);
        let parsed;
        try {
          parsed = await readDocument(new Uint8Array(Buffer.from(`---\ntitle: ${JSON.stringify(title)}\n---\n${text}\nTekst.\n`, 'utf8')), '-');
        } catch (error) {
          if (error instanceof AipolicyError && error.exitCode === 2) return;
          throw error;
        }
        const stored: StoredDocument = buildStoredDocument(parsed, analyseDocument(lexicon, parsed), corpusPath(corpus, parsed.id));
        await writeStored(corpus, stored);
        expect(readdirSync(corpus)).toEqual([`${parsed.id}.md`]);
        const listing = await listCorpus(corpus);
        expect(listing.problems).toEqual([]);
        expect(listing.documents).toEqual([stored]);
        const report = await verifyCorpus(corpus, { taxonomy: lexicon.taxonomy, owner: { pid: process.pid, host: 'h', isRunning: () => true } });
        expect(report.problems).toEqual([]);
      }),
      { numRuns: RUNS.store, seed: SEED },
    );
  }, 120_000);
});
