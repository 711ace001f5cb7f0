import { describe, expect, it } from 'vitest';
import { buildPdfLines, hasNoTextLayer, layoutPdfPage, layoutPdfPages, stripPageFurniture, type PdfLine, type PdfTextItem } from '../../src/core/pdf-layout.js';
import { joinWrapped } from '../../src/core/wrap.js';

const item = (str: string, y: number, x = 72, fontSize = 11): PdfTextItem => ({ str, x, y, width: str.length * fontSize * 0.5, fontSize });
const line = (text: string, y: number, size = 11): PdfLine => ({ text, y, size });

describe('joinWrapped', () => {
  it.each([
    ['cyberveilig-', 'heid', 'cyberveiligheid'],
    ['gezondheids-', 'en welzijnszorg', 'gezondheids- en welzijnszorg'],
    ['Noord-', 'Brabant', 'Noord-Brabant'],
    ['COVID-', '19', 'COVID-19'],
    ['zacht\u00AD', 'koppelteken', 'zachtkoppelteken'],
    ['gewone', 'regel', 'gewone regel'],
    ['einde -', 'begin', 'einde - begin'],
  ])('%j + %j → %j', (left, right, joined) => {
    const { cut, glue } = joinWrapped(left, right);
    expect(`${left.slice(0, left.length - cut)}${glue}${right}`).toBe(joined);
  });
});

describe('buildPdfLines', () => {
  it('groups items on one baseline into a line, with a space where there is a gap', () => {
    const lines = buildPdfLines([item('De', 700), item('', 700), item('overheid', 700, 100), item('Tweede regel', 686), item('Bijna', 500), item('zelfde', 500.4, 110)]);
    expect(lines.map((l) => l.text)).toEqual(['De overheid', 'Tweede regel', 'Bijna zelfde']);
  });

  it('returns nothing for a page without text', () => {
    expect(buildPdfLines([item('', 700), item('  ', 600)])).toEqual([]);
  });
});

describe('stripPageFurniture', () => {
  const page = (n: number, body: string[]): PdfLine[] => [
    line('Federaal plan AI – FOD BOSA', 810, 8),
    ...body.map((text, i) => line(text, 780 - i * 14)),
    line(`Pagina ${n} van 12`, 30, 8),
  ];

  it('removes headers and page numbers repeated on most pages, keeps the rest', () => {
    const pages = [page(1, ['Inleiding', 'Tekst een.']), page(2, ['Tekst twee.']), page(3, ['Tekst drie.'])];
    expect(stripPageFurniture(pages).map((p) => p.map((l) => l.text))).toEqual([['Inleiding', 'Tekst een.'], ['Tekst twee.'], ['Tekst drie.']]);
  });

  it('keeps a line that repeats on only a minority of pages', () => {
    const pages = [[line('Bijlage', 800), line('Een.', 700)], [line('Bijlage', 800), line('Twee.', 700)], [line('Drie.', 700)], [line('Vier.', 700)], [line('Vijf.', 700)]];
    expect(stripPageFurniture(pages)[0]!.map((l) => l.text)).toEqual(['Bijlage', 'Een.']);
  });

  it('keeps everything in a single-page document', () => {
    const single = [page(1, ['Enige tekst.'])];
    expect(stripPageFurniture(single)).toEqual(single);
  });
});

describe('layoutPdfPage', () => {
  it('joins wrapped lines and hyphenated words, and starts a paragraph at a larger gap', () => {
    const lines = [line('Inleiding', 780, 14), line('De overheid versterkt de cyberveilig-', 752), line('heid van ziekenhuizen.', 738), line('Tweede alinea.', 710)];
    expect(layoutPdfPage(lines)).toBe('Inleiding\n\nDe overheid versterkt de cyberveiligheid van ziekenhuizen.\n\nTweede alinea.');
  });

  it('puts list items on their own lines', () => {
    const lines = [line('Doelen:', 780), line('• betere zorg', 766), line('• minder files', 752)];
    expect(layoutPdfPage(lines)).toBe('Doelen:\n• betere zorg\n• minder files');
  });
});

describe('layoutPdfPages and hasNoTextLayer', () => {
  it('lays out every page and tells a scan from a text PDF', () => {
    const pages = layoutPdfPages([[item('Eerste pagina.', 700)], [], [item('Derde pagina.', 700)]]);
    expect(pages).toEqual(['Eerste pagina.', '', 'Derde pagina.']);
    expect(hasNoTextLayer(pages)).toBe(false);
    expect(hasNoTextLayer(['', ' 12 ', ''])).toBe(true);
  });
});
