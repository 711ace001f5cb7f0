import { describe, expect, it } from 'vitest';
import { loadPdf } from '../../src/io/load-pdf.js';
import { buildPlanPdf } from '../helpers/pages.js';
import { buildPdf, layoutLines } from '../helpers/pdf.js';

describe('loadPdf', () => {
  it('gives the text page by page, without running header and page numbers, hyphenation joined, accents and € intact', async () => {
    const pdf = await loadPdf(buildPlanPdf(), 'plan.pdf');
    expect(pdf.pages).toEqual([
      'Inleiding\n\nDe federale overheid versterkt de cyberveiligheid van ziekenhuizen: ransomware bedreigt ziekenhuizen en patiënten in heel België.\n\nHet plan kost € 12 miljoen per jaar.',
      'Mobiliteit\n\nZelfrijdende voertuigen en verkeersveiligheid op de weg worden getest door het agentschap.',
      'Opleiding\n\nLevenslang leren en digitale vaardigheden voor werknemers van de overheid.',
    ]);
    expect(pdf.meta).toEqual({ title: 'Actieplan cyberveiligheid en zorg' });
    expect(pdf.encoding).toBe('pdf');
  });

  it('has no title when the PDF metadata has none', async () => {
    const pdf = await loadPdf(buildPdf({ pages: [layoutLines(['Een enkele pagina tekst.'])] }), 'a.pdf');
    expect(pdf.meta).toEqual({});
    expect(pdf.pages).toEqual(['Een enkele pagina tekst.']);
  });

  it('refuses a scan without a text layer', async () => {
    await expect(loadPdf(buildPdf({ pages: [[], []], drawBox: true }), 'scan.pdf')).rejects.toThrow('no text layer: run OCR first');
  });

  it.each([
    ['a truncated file', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog')],
    ['a file that is not a PDF at all', Buffer.from('just some text')],
  ])('refuses %s as not a readable PDF', async (_name, bytes) => {
    await expect(loadPdf(bytes, 'broken.pdf')).rejects.toThrow(/^not a readable PDF/);
  });
});
