import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, runCli } from '../helpers/cli.js';
import { buildDocx } from '../helpers/docx.js';
import { buildNewsPage, buildPlanPdf } from '../helpers/pages.js';
import { buildPdf, encodeWindows1252 } from '../helpers/pdf.js';

let dir: string;
let cleanup: () => void;
let corpus: string;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  corpus = join(dir, 'corpus');
});
afterEach(() => cleanup());

interface Result {
  source: string;
  status: string;
  id?: string;
  themes?: string[];
  error?: string;
}
interface Evidence {
  text: string;
  page?: number;
}
const json = (stdout: string) => JSON.parse(stdout);
const themeEvidence = (themes: Array<{ id: string; evidence: Evidence[] }>, id: string): Evidence[] => themes.find((t) => t.id === id)?.evidence ?? [];

function writeMixedFolder(root: string): void {
  mkdirSync(join(root, 'web'), { recursive: true });
  writeFileSync(join(root, 'plan.pdf'), buildPlanPdf());
  writeFileSync(join(root, 'web', 'nieuws.html'), buildNewsPage());
  writeFileSync(join(root, 'nota.docx'), buildDocx([{ text: 'Zorg', style: 'Heading1' }, { text: 'Ziekenhuizen en patiënten krijgen betere zorg dankzij medische gegevens.' }]));
  writeFileSync(join(root, 'oud.txt'), encodeWindows1252('De gemeente investeert € 5 miljoen in onderwijs, opleiding en levenslang leren.\n'));
  writeFileSync(join(root, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('La cybersécurité des hôpitaux face au ransomware.\n', 'utf16le')]));
  writeFileSync(join(root, 'notities.md'), '---\nlevel: local\ncountry: NL\n---\nDe gemeente zet een chatbot in voor dienstverlening aan burgers.\n');
  writeFileSync(join(root, 'scan.pdf'), buildPdf({ pages: [[], []], drawBox: true }));
  writeFileSync(join(root, 'kapot.pdf'), Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog'));
  writeFileSync(join(root, 'foto.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
  writeFileSync(join(root, '.verborgen.md'), 'Geheim.\n');
  writeFileSync(join(root, 'binair.txt'), Buffer.from([0x41, 0, 0x42]));
}

describe('aipolicy ingest of a folder mixing formats', () => {
  it('stores every readable document once, reports the others with reasons, then reports everything unchanged', () => {
    const input = join(dir, 'in');
    writeMixedFolder(input);
    const first = runCli(['ingest', input, '--corpus', corpus, '--format', 'json']);
    expect(first.code).toBe(2);
    const report = json(first.stdout) as { results: Result[]; skipped: Array<{ source: string; reason: string }> };
    expect(report.results.map((r) => [r.source.slice(input.length + 1), r.status])).toEqual([
      ['kapot.pdf', 'failed'],
      ['nota.docx', 'stored'],
      ['notities.md', 'stored'],
      ['oud.txt', 'stored'],
      ['plan.pdf', 'stored'],
      ['scan.pdf', 'failed'],
      ['utf16.txt', 'stored'],
      ['web/nieuws.html', 'stored'],
    ]);
    expect(report.skipped.map((s) => [s.source.slice(input.length + 1), s.reason])).toEqual([
      ['.verborgen.md', 'hidden'],
      ['binair.txt', 'binary file'],
      ['foto.png', 'not a document type (.png)'],
    ]);
    expect(first.stderr).toContain(`aipolicy: ${join(input, 'scan.pdf')}: no text layer: run OCR first`);
    expect(first.stderr).toContain(`aipolicy: ${join(input, 'kapot.pdf')}: not a readable PDF`);
    expect(first.stderr).toContain(`aipolicy: ${join(input, 'binair.txt')}: skipped (binary file)`);
    expect(first.stderr).not.toMatch(/^\s+at /m);
    expect(first.stderr).not.toContain('\r');
    expect(readdirSync(corpus).sort()).toEqual(['nieuws.md', 'nota.md', 'notities.md', 'oud.md', 'plan.md', 'utf16.md']);

    rmSync(join(input, 'scan.pdf'));
    rmSync(join(input, 'kapot.pdf'));
    const again = runCli(['ingest', input, '--corpus', corpus]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/│\s+0 │\s+0 │\s+6 │\s+0 │\s+3 │\s+0 │/);
    expect(again.stdout).toContain('6 unchanged, 3 skipped');
    expect(again.stdout.match(/^│ unchanged +│/gm)).toHaveLength(6);
  });

  it('refuses a scanned and a broken PDF with exit 2 and clean output, and still stores the rest of the batch', () => {
    const scan = join(dir, 'scan.pdf');
    const broken = join(dir, 'broken.pdf');
    const good = join(dir, 'plan.pdf');
    writeFileSync(scan, buildPdf({ pages: [[]], drawBox: true }));
    writeFileSync(broken, Buffer.from('%PDF-1.7\n%%EOF garbage'));
    writeFileSync(good, buildPlanPdf());
    const run = runCli(['ingest', scan, broken, good, '--corpus', corpus, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(json(run.stdout).results.map((r: Result) => r.status)).toEqual(['failed', 'failed', 'stored']);
    expect(run.stderr.split('\n').filter((l) => l.startsWith(`aipolicy: ${scan}`) || l.startsWith(`aipolicy: ${broken}`))).toEqual([
      `aipolicy: ${scan}: no text layer: run OCR first (1 page of images or drawings only)`,
      `aipolicy: ${broken}: not a readable PDF (Invalid PDF structure)`,
    ]);
    expect(run.stderr).not.toMatch(/Warning|at .*\.js:\d+/);
    expect(readdirSync(corpus)).toEqual(['plan.md']);
  });

  it('expands a quoted glob itself', () => {
    const input = join(dir, 'in');
    writeMixedFolder(input);
    const run = runCli(['ingest', join(input, '**/*.html'), join(input, 'plan.pdf'), '--corpus', corpus, '--format', 'json', '--dry-run']);
    expect(run.code).toBe(0);
    expect(json(run.stdout).results.map((r: Result) => r.id)).toEqual(['nieuws', 'plan']);
  });
});

describe('PDF page numbers', () => {
  it('are in every piece of evidence of tag, in the stored document, in show, and survive re-analysis', () => {
    const pdf = join(dir, 'plan.pdf');
    writeFileSync(pdf, buildPlanPdf());
    const tagged = json(runCli(['tag', pdf, '--format', 'json']).stdout)[0];
    expect(tagged.language).toBe('nl');
    expect(tagged.themes.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['cybersecurity', 'healthcare', 'mobility', 'skills']));
    expect(themeEvidence(tagged.themes, 'cybersecurity')).toEqual([
      expect.objectContaining({ page: 1, text: expect.stringContaining('de cyberveiligheid van ziekenhuizen: ransomware bedreigt ziekenhuizen en patiënten in heel België.') }),
    ]);
    expect(themeEvidence(tagged.themes, 'mobility').map((e) => e.page)).toEqual(expect.arrayContaining([2]));
    expect(themeEvidence(tagged.themes, 'skills').every((e) => e.page === 3)).toBe(true);
    for (const theme of tagged.themes) for (const e of theme.evidence) expect(e.page).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(tagged)).not.toMatch(/Pagina \d van 3|FOD BOSA/);

    expect(runCli(['ingest', pdf, '--corpus', corpus]).code).toBe(0);
    const path = join(corpus, 'plan.md');
    const stored = readFileSync(path, 'utf8');
    expect(stored).toContain('title: "Actieplan cyberveiligheid en zorg"');
    expect(stored).toContain('encoding: "pdf"');
    expect(stored).toMatch(/\npages: \[0, \d+, \d+\]\n/);
    expect(stored).toMatch(/evidence: \[\{passage: \d+, start: \d+, end: \d+, score: [\d.]+, terms: \[[^\]]*"ransomware"[^\]]*\], page: 1\}\]/);

    const show = runCli(['show', 'plan', '--corpus', corpus]);
    expect(show.stdout).toContain('  encoding:  pdf (3 pages)');
    expect(show.stdout).toMatch(/p\. 1 ¶\d+ “.*cyberveiligheid/);
    expect(show.stdout).toMatch(/p\. 2 ¶\d+ “.*voertuigen/);

    // Another taxonomy version: show recomputes in memory, refresh rewrites; pages stay.
    writeFileSync(path, stored.replace(/taxonomy_version: "[^"]*"/, 'taxonomy_version: "0.0.1"'));
    const stale = json(runCli(['show', 'plan', '--corpus', corpus, '--format', 'json']).stdout);
    expect(stale.stale).toBe(true);
    expect(themeEvidence(stale.themes, 'cybersecurity').map((e) => e.page)).toEqual([1]);
    expect(runCli(['refresh', '--corpus', corpus]).code).toBe(0);
    const refreshed = readFileSync(path, 'utf8');
    expect(refreshed).toMatch(/\npages: \[0, \d+, \d+\]\n/);
    expect(refreshed).toContain('page: 2}');
    expect(json(runCli(['show', 'plan', '--corpus', corpus, '--format', 'json']).stdout).stale).toBe(false);
  });
});

describe('web pages', () => {
  it('store the main text with title, date, publisher and source from meta tags, and the language hint', () => {
    const page = join(dir, 'nieuws.html');
    writeFileSync(page, buildNewsPage());
    const run = runCli(['ingest', page, '--corpus', corpus, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(json(run.stdout).results[0]).toMatchObject({ status: 'stored', id: 'nieuws', language: 'nl', themes: expect.arrayContaining(['cybersecurity', 'healthcare']) });
    const stored = readFileSync(join(corpus, 'nieuws.md'), 'utf8');
    expect(stored).toContain('title: "Vlaanderen investeert in cyberveiligheid"');
    expect(stored).toContain('date: "2024-03-05"');
    expect(stored).toContain('publisher: "Vlaanderen.be"');
    expect(stored).toContain('source: "https://www.vlaanderen.be/nieuws/cyber"');
    expect(stored).toContain('language_hint: "nl-BE"');
    const body = stored.slice(stored.indexOf('\n---\n') + 5);
    expect(body).toContain('Patiënten moeten erop kunnen vertrouwen');
    expect(body).not.toMatch(/cookies|Home|Onderwijs en vorming|Verborgen|verkeersveiligheid|Decoratieve|JavaScript|Sjabloon|Icoon|privacy/);
  });
});

describe('metadata suggestions', () => {
  it('are printed on stderr, never stored; flags win', () => {
    const page = join(dir, 'nieuws.html');
    writeFileSync(page, buildNewsPage());
    const run = runCli(['ingest', page, '--corpus', corpus]);
    expect(run.stderr).toContain(`aipolicy: ${page}: suggestion: --level regional --country BE --region Flanders (from host www.vlaanderen.be)`);
    const stored = readFileSync(join(corpus, 'nieuws.md'), 'utf8');
    expect(stored).not.toMatch(/^(?:level|country|region):/m);

    const pdf = join(dir, 'plan.pdf');
    writeFileSync(pdf, buildPlanPdf());
    const suggested = runCli(['ingest', pdf, '--corpus', corpus, '--dry-run']);
    expect(suggested.stderr).toContain(`aipolicy: ${pdf}: suggestion: --level federal --country BE (from 'federale overheid')`);
    const flagged = runCli(['ingest', pdf, '--corpus', corpus, '--level', 'regional']);
    expect(flagged.stderr).toContain(`aipolicy: ${pdf}: no country in front matter or flags`);
    expect(flagged.stderr).toContain(`aipolicy: ${pdf}: suggestion: --country BE (from`);
    expect(flagged.stderr).not.toContain('--level federal');
    const storedPdf = readFileSync(join(corpus, 'plan.md'), 'utf8');
    expect(storedPdf).toContain('level: "regional"');
    expect(storedPdf).not.toMatch(/^country:/m);
  });
});

describe('encodings', () => {
  it('records Windows-1252 and UTF-16 and shows them; refuses undecodable bytes naming the file', () => {
    const cp1252 = join(dir, 'oud.txt');
    const utf16 = join(dir, 'breed.txt');
    const bad = join(dir, 'stuk.txt');
    writeFileSync(cp1252, encodeWindows1252('Ransomware treft ziekenhuizen: “cyberveiligheid” kost € 5 miljoen.\n'));
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Les hôpitaux et les patients.\n', 'utf16le').swap16()]));
    writeFileSync(bad, Buffer.from([0x61, 0x81, 0x62, 0x0a]));
    const run = runCli(['ingest', cp1252, utf16, bad, '--corpus', corpus]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`aipolicy: ${bad}: invalid UTF-8 at byte 1 and not Windows-1252 either: convert the file to UTF-8`);
    expect(readFileSync(join(corpus, 'oud.md'), 'utf8')).toContain('Ransomware treft ziekenhuizen: “cyberveiligheid” kost € 5 miljoen.');
    expect(runCli(['show', 'oud', '--corpus', corpus]).stdout).toContain('  encoding:  windows-1252\n');
    expect(runCli(['show', 'breed', '--corpus', corpus]).stdout).toContain('  encoding:  utf-16be\n');
    expect(json(runCli(['show', 'breed', '--corpus', corpus, '--format', 'json']).stdout).encoding).toBe('utf-16be');
    expect(existsSync(join(corpus, 'stuk.md'))).toBe(false);
  });
});
