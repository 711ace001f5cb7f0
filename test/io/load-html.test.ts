import { describe, expect, it } from 'vitest';
import { MAX_HTML_DEPTH, extractHtmlText, loadHtml } from '../../src/io/load-html.js';
import { buildNewsPage } from '../helpers/pages.js';
import { encodeWindows1252 } from '../helpers/pdf.js';

describe('extractHtmlText', () => {
  it('keeps the article text and drops navigation, cookie banner, hidden parts, scripts and footer', async () => {
    const page = await extractHtmlText(buildNewsPage(), 'news.html');
    expect(page.text).toBe(
      [
        'Vlaanderen investeert in cyberveiligheid',
        'De Vlaamse Regering trekt extra middelen uit voor de cyberveiligheid van ziekenhuizen. Patiënten moeten erop kunnen vertrouwen dat hun gegevens veilig zijn tegen ransomware.',
        'Opleiding',
        'Er komen ook opleidingen & cursussen voor IT-personeel.',
        '• Eerste punt',
        '• Tweede punt',
      ].join('\n\n'),
    );
    expect(page.meta).toEqual({
      title: 'Vlaanderen investeert in cyberveiligheid',
      date: '2024-03-05',
      publisher: 'Vlaanderen.be',
      source: 'https://www.vlaanderen.be/nieuws/cyber',
    });
    expect(page.lang).toBe('nl-BE');
  });

  it('reads the whole body of a page without <main>, still without header and footer', async () => {
    const page = await extractHtmlText('<title>T</title><header>Menu</header><div><p>Een</p>Twee<br>Drie</div><table><tr><td>a</td><td>b</td></tr></table><footer>Voet</footer>', 'x.html');
    expect(page.text).toBe('Een\n\nTwee\nDrie\n\na | b');
    expect(page.meta.title).toBe('T');
  });

  it('survives thousands of nested elements and malformed markup', async () => {
    const depth = 5000;
    const html = `<main>${'<div><span>'.repeat(depth)}<p>Diep genest over ransomware.${'</span></div>'.repeat(depth)}</b></i><p>Open <b>vet <i>schuin</p> <div>verder</main></body></html>`;
    const page = await extractHtmlText(html, 'deep.html');
    expect(page.text).toBe('Diep genest over ransomware.\n\nOpen vet schuin\n\nverder');
  });

  it(`refuses nesting deeper than ${MAX_HTML_DEPTH} levels quickly, naming the file`, async () => {
    const html = '<div>'.repeat(MAX_HTML_DEPTH + 10);
    await expect(extractHtmlText(html, 'bomb.html')).rejects.toThrow(`HTML nested deeper than ${MAX_HTML_DEPTH} levels`);
  });
});

describe('loadHtml', () => {
  it('decodes a Windows-1252 page by its meta charset', async () => {
    const bytes = encodeWindows1252(buildNewsPage('windows-1252'));
    const page = await loadHtml(bytes, 'news.html');
    expect(page.encoding).toBe('windows-1252');
    expect(page.text).toContain('Patiënten moeten');
    expect(page.languageHint).toBe('nl-BE');
  });

  it('refuses a page with no main text', async () => {
    await expect(loadHtml(Buffer.from('<nav>Menu</nav><script>x()</script>'), 'empty.html')).rejects.toThrow('no text: the page has no main text');
  });
});
