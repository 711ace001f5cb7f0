// The HTML report as a reader sees it: Debian's Chromium, driven by playwright-core, opens the page written by
// `aipolicy report --out`. Chromium must be installed (`.ci/run` installs it); without it this test FAILS.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, makeTempDir, runCli } from '../helpers/cli.js';
import { HOSTILE_TITLE, SYNTHETIC, writeSyntheticCorpus } from '../helpers/corpus.js';

const CHROMIUM = process.env['AIPOLICY_CHROMIUM'] ?? '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');

let dir: string;
let cleanup: () => void;
let corpus: string;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

const MISSING = `Chromium is not installed at ${CHROMIUM}: the HTML report cannot be checked in a browser. Install it with "apt-get install -y chromium" (.ci/run does this), or set AIPOLICY_CHROMIUM to its path.`;

/** Fails the calling test, with the reason, when there is no browser: a missing Chromium is a failure, never a skip. */
function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(MISSING);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  ({ dir, cleanup } = makeTempDir());
  corpus = join(dir, 'corpus');
  await writeSyntheticCorpus(corpus, SYNTHETIC);
  const out = join(dir, 'report.html');
  const run = runCli(['report', '--out', out, '--corpus', corpus]);
  expect(run.code).toBe(0);
  context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context.on('request', (request) => requests.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(pathToFileURL(out).href);
}, 60_000);

afterAll(async () => {
  await context?.close();
  cleanup?.();
});

const coverageCell = (theme: string, group: string) => page.locator(`#coverage td[data-theme="${theme}"][data-group="${group}"]`);

describe('the HTML report in Chromium', () => {
  it('shows the title and the coverage heatmap with the expected cells', async () => {
    requireChromium();
    expect(await page.locator('h1').innerText()).toBe('AI policy coverage, overlap and gaps by level');
    const heads = await page.locator('#coverage thead th').allInnerTexts();
    expect(heads.map((h) => h.split('\n')[0])).toEqual(['theme × level', 'eu', 'national', 'federal', 'regional', 'local']);
    const expected: Array<[string, string, string]> = [
      ['cybersecurity', 'federal', '●1/1'],
      ['cybersecurity', 'national', '●1/2'],
      ['data', 'national', '●2/2'],
      ['trustworthy-ai', 'local', '○1/1'],
      ['mobility', 'regional', '●1/2'],
      ['environment', 'regional', '○1/2'],
      ['skills', 'eu', '·'],
    ];
    for (const [theme, group, text] of expected) expect((await coverageCell(theme, group).innerText()).trim()).toBe(text);
  });

  it('shows the overlap heatmap with the shared themes and Jaccard index of every pair', async () => {
    requireChromium();
    const overlap = JSON.parse(runCli(['overlap', '--corpus', corpus, '--format', 'json']).stdout) as { overlap: Array<{ a: string; b: string; count: number; jaccard: number }> };
    for (const cell of overlap.overlap) {
      const text = (await page.locator(`#overlap td[data-a="${cell.a}"][data-b="${cell.b}"]`).innerText()).trim();
      expect(text).toBe(cell.a === cell.b ? String(cell.count) : `${cell.count} · ${cell.jaccard.toFixed(2)}`);
    }
  });

  it('opens the strongest evidence when a reader clicks a coverage cell', async () => {
    requireChromium();
    const popup = coverageCell('data', 'national').locator('.pop');
    expect(await popup.isVisible()).toBe(false);
    await coverageCell('data', 'national').locator('summary').click();
    expect(await popup.isVisible()).toBe(true);
    const text = await popup.innerText();
    expect(text).toContain('Supercomputer MeluXina lu-national-hpc ¶1 · score 0.90');
    expect(text).toContain(SYNTHETIC[6]!.paragraphs[0]);
    expect(await popup.locator('mark').allInnerTexts()).toEqual(['Supercomputer', 'Daten']);
    expect(text).toContain('Documents: lu-national-hpc, nl-national-cyber');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    expect(readFileSync(join(ARTIFACTS, 'report.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('marks gaps with the competences on click', async () => {
    requireChromium();
    const cell = page.locator('#gaps td[data-from="federal"][data-to="regional"]');
    expect((await cell.locator('summary').innerText()).trim()).toBe('0 (3)');
    await cell.locator('summary').click();
    const items = await cell.locator('.pop li').allInnerTexts();
    expect(items[0]).toMatch(/^trustworthy-ai: covered by a higher level be-federal-plan/);
    expect(items[1]).toMatch(/^cybersecurity: not competent BE regional: Federal: the Centre for Cybersecurity Belgium/);
    expect((await page.locator('#gaps td[data-from="regional"][data-to="federal"] summary').innerText()).trim()).toBe('3 (3)');
  });

  it('shows who is competent for what, with the note and sources on click, one row per country and level', async () => {
    requireChromium();
    const rows = await page.locator('#competence tbody th').allInnerTexts();
    expect(rows.map((r) => r.split('\n')[0])).toEqual(['BE federal', 'BE regional', 'BE local', 'NL national', 'NL regional', 'NL local', 'LU national', 'LU local']);
    const cell = page.locator('#competence td[data-country="BE"][data-level="regional"][data-theme="cybersecurity"]');
    expect((await cell.locator('summary').innerText()).trim()).toBe('none');
    await cell.locator('summary').click();
    const popup = await cell.locator('.pop').innerText();
    expect(popup).toContain('Approximate split.');
    expect(popup).toContain('Royal Decree of 10 October 2014 establishing the Centre for Cybersecurity Belgium');
  });

  it('shows a document title containing <script> as text and never runs it', async () => {
    requireChromium();
    const row = page.locator('#documents tr', { hasText: 'be-federal-plan' });
    expect((await row.locator('td').nth(1).innerText()).trim()).toBe(HOSTILE_TITLE);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('makes no request but the page itself', () => {
    requireChromium();
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(requests).toHaveLength(1);
  });
});
