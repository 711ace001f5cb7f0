// Test inputs built in the test run: a three-page PDF with a running header, page numbers, a word
// hyphenated across a line end and accented text; a web page with navigation and a cookie banner.
import { buildPdf, layoutLines, type PdfLine } from './pdf.js';

const furniture = (page: number): PdfLine[] => [
  { text: 'Federaal actieplan artificiële intelligentie – FOD BOSA', y: 810, size: 8 },
  { text: `Pagina ${page} van 3`, y: 30, size: 8 },
];

/** Returns a three-page Dutch PDF: cybersecurity and healthcare on page 1, mobility on page 2, skills on page 3. */
export function buildPlanPdf(): Buffer {
  return buildPdf({
    title: 'Actieplan cyberveiligheid en zorg',
    pages: [
      [...furniture(1), ...layoutLines(['Inleiding', '', 'De federale overheid versterkt de cyberveilig-', 'heid van ziekenhuizen: ransomware bedreigt', 'ziekenhuizen en patiënten in heel België.', '', 'Het plan kost € 12 miljoen per jaar.'])],
      [...furniture(2), ...layoutLines(['Mobiliteit', '', 'Zelfrijdende voertuigen en verkeersveiligheid op', 'de weg worden getest door het agentschap.'])],
      [...furniture(3), ...layoutLines(['Opleiding', '', 'Levenslang leren en digitale vaardigheden voor', 'werknemers van de overheid.'])],
    ],
  });
}

/** Returns an HTML page whose main text is about cybersecurity in hospitals, wrapped in navigation, a cookie banner, hidden parts and a footer. */
export function buildNewsPage(charset = 'utf-8'): string {
  return `<!DOCTYPE html>
<html lang="nl-BE"><head><meta charset="${charset}"><title>Nieuws | Vlaanderen</title>
<meta property="og:title" content="Vlaanderen investeert in cyberveiligheid">
<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
<meta property="og:site_name" content="Vlaanderen.be">
<link rel="canonical" href="https://www.vlaanderen.be/nieuws/cyber">
<style>.x{color:red}</style><script>var ransomware = "verkeersveiligheid";</script></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li>Onderwijs en vorming</li><li>Mobiliteit en openbare werken</li></ul></nav></header>
<div id="cookie-banner"><p>Wij gebruiken cookies voor statistieken. Aanvaard alle cookies of kies zelf.</p><button>OK</button></div>
<main><article><header><h1>Vlaanderen investeert in cyberveiligheid</h1></header>
<p>De Vlaamse Regering trekt extra middelen uit voor de cyberveiligheid van ziekenhuizen.
Patiënten moeten erop kunnen vertrouwen dat hun gegevens veilig zijn tegen ransomware.</p>
<h2>Opleiding</h2><p>Er komen ook opleidingen &amp; cursussen voor IT-personeel.</p>
<ul><li>Eerste punt</li><li>Tweede punt</li></ul>
<div hidden>Verborgen tekst over zelfrijdende voertuigen</div>
<p style="display: none">Ook verborgen: verkeersveiligheid op de weg</p>
<p aria-hidden="true">Decoratieve herhaling over klimaat</p>
<noscript>Zet JavaScript aan voor de luchtkwaliteit</noscript><template><p>Sjabloon over energie</p></template>
<svg><title>Icoon</title><text>grafiek</text></svg>
</article></main>
<footer>© Vlaamse overheid – privacy – contact</footer></body></html>
`;
}
