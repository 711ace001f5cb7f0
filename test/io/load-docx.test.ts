import { describe, expect, it } from 'vitest';
import { loadDocx } from '../../src/io/load-docx.js';
import { buildDocx } from '../helpers/docx.js';

describe('loadDocx', () => {
  it('reads paragraphs, with Word headings as their own blocks and the first heading as title', async () => {
    const docx = buildDocx([
      { text: 'Zorg en cyberveiligheid', style: 'Heading1' },
      { text: 'Ransomware treft ziekenhuizen en patiënten.' },
      { text: 'Tweede alinea.' },
    ]);
    const doc = await loadDocx(docx, 'nota.docx');
    expect(doc.text).toBe('Zorg en cyberveiligheid\n\nRansomware treft ziekenhuizen en patiënten.\n\nTweede alinea.');
    expect(doc.meta).toEqual({ title: 'Zorg en cyberveiligheid' });
    expect(doc.encoding).toBe('docx');
  });

  it('refuses a file that is not a DOCX', async () => {
    await expect(loadDocx(Buffer.from('PK\x03\x04 not a zip'), 'bad.docx')).rejects.toThrow(/^not a readable DOCX file/);
  });
});
