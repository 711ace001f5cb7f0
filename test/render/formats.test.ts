import { describe, expect, it } from 'vitest';
import { buildCoverage, buildOverlap, checkCoverage } from '../../src/core/compare.js';
import { buildManifest } from '../../src/core/manifest.js';
import type { AnalysisScope, ComparedDocument } from '../../src/model.js';
import { csvCell } from '../../src/render/csv.js';
import { escapeHtml, markTerms } from '../../src/render/html-escape.js';
import { getRenderer } from '../../src/render/index.js';
import { escapeMarkdown } from '../../src/render/markdown.js';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+31 20 123', "'+31 20 123"],
    ['-1+1', "'-1+1"],
    ['@cmd', "'@cmd"],
    ['\tindent', "'\tindent"],
    ['\rreturn', '\\u000dreturn'],
    ['\u001b[31m=red', "\\u001b[31m=red"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['a=b', 'a=b'],
    [0.75, '0.75'],
    [true, 'true'],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('HTML and Markdown escaping', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['bell\u0007', 'bell\\u0007'],
    ['right-to-left \u202e override', 'right-to-left \\u202e override'],
  ])('escapeHtml(%j)', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
  it('marks terms case-insensitively and escapes around them', () => {
    expect(markTerms('Data <b>and</b> open DATA', ['data'])).toBe('<mark>Data</mark> &lt;b&gt;and&lt;/b&gt; open <mark>DATA</mark>');
    expect(markTerms('a+b (c)', ['a+b', '(c)'])).toBe('<mark>a+b</mark> <mark>(c)</mark>');
  });
  it.each([
    ['<script>', '\\<script\\>'],
    ['a | b', 'a \\| b'],
    ['[link](http://x)', '\\[link\\](http://x)'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['line\nbreak', 'line break'],
    ['R&D', 'R&amp;D'],
  ])('escapeMarkdown(%j)', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});

describe('terminal heatmap', () => {
  const docs: ComparedDocument[] = [
    { id: 'a', meta: { level: 'federal', country: ['BE'] }, language: 'nl', themes: [{ id: 'data', score: 0.9 }] },
    { id: 'b', meta: { level: 'regional', country: ['BE'] }, language: 'nl', themes: [{ id: 'data', score: 0.6 }] },
  ];
  const coverage = buildCoverage(docs, ['data', 'skills'], 'level');
  const scope: AnalysisScope = { manifest: buildManifest(docs, { version: '0.0.0', taxonomyVersion: 't', by: 'level', filters: [] }), documents: docs, evidence: false };
  const render = (color: boolean) => getRenderer('table', 'coverage')({ kind: 'coverage', check: checkCoverage(coverage, ['data']), scope }, { color, width: 80 });

  it('shades strong cells with a background colour when colour is on', () => {
    expect(render(true)).toContain('\u001b[42m\u001b[30m●1/1');
    expect(render(true)).toContain('\u001b[32m○1/1');
  });
  it('uses marks alone, and no escape sequence, when colour is off', () => {
    const text = render(false);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('│ data          │  ●1/1   │   ○1/1   │');
  });
  it('renders the overlap matrix for every format that supports it', () => {
    for (const format of ['table', 'json', 'csv', 'markdown', 'html']) {
      const text = getRenderer(format, 'overlap')({ kind: 'overlap', overlap: buildOverlap(coverage), scope }, { color: false, width: 80 });
      expect(text.endsWith('\n')).toBe(true);
      expect(text).toMatch(/federal/);
    }
  });
});
