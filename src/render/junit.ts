// JUnit XML for CI systems that display test results: one test suite per group, one test case per theme.
// A shortfall is a failure; a theme that is not required (and lost nothing) is skipped, never reported as passed.
import { sanitizeForTerminal } from './text-safe.js';
import { UsageError } from '../errors.js';
import type { CoverageCheck, Manifest } from '../model.js';
import type { Report } from './index.js';
import { shortfallText } from './matrix-text.js';

/** Returns the coverage check as a JUnit XML document, ending with a newline. */
export function renderJunit(report: Report): string {
  if (report.kind !== 'coverage') throw new UsageError(`format "junit" is not available for ${report.kind}`);
  const { check } = report;
  const props = properties(report.scope.manifest, check);
  const suites = suitesOf(check).map((suite) => renderSuite(suite, check.coverage.by, props));
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="aipolicy coverage" tests="${tests}" failures="${failures}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Case {
  theme: string;
  failure?: { message: string; type: string };
  skipped?: string;
}

function suitesOf(check: CoverageCheck): Array<{ group: string; cases: Case[] }> {
  const { coverage } = check;
  const suites = coverage.groups.map((group) => ({
    group: group.key,
    cases: coverage.themes.map((theme): Case => {
      const shortfall = check.shortfalls.find((s) => s.group === group.key && s.theme === theme);
      if (shortfall) return { theme, failure: { message: shortfallText(shortfall, coverage), type: shortfall.kind } };
      return check.required.includes(theme) ? { theme } : { theme, skipped: 'not required' };
    }),
  }));
  // Groups the baseline had and the corpus no longer has: their lost themes still fail.
  for (const s of check.shortfalls) {
    if (coverage.groups.some((g) => g.key === s.group)) continue;
    let suite = suites.find((x) => x.group === s.group);
    if (!suite) suites.push((suite = { group: s.group, cases: [] }));
    suite.cases.push({ theme: s.theme, failure: { message: shortfallText(s, coverage), type: s.kind } });
  }
  return suites;
}

function renderSuite(suite: { group: string; cases: Case[] }, by: string, props: string): { xml: string; tests: number; failures: number } {
  const failures = suite.cases.filter((c) => c.failure).length;
  const skipped = suite.cases.filter((c) => c.skipped).length;
  const cases = suite.cases.map((c) => {
    const open = `    <testcase classname="${attr(`aipolicy.coverage.${by}.${suite.group}`)}" name="${attr(`${suite.group} × ${c.theme}`)}"`;
    if (c.failure) return `${open}>\n      <failure message="${attr(c.failure.message)}" type="${attr(c.failure.type)}">${text(c.failure.message)}</failure>\n    </testcase>`;
    if (c.skipped) return `${open}>\n      <skipped message="${attr(c.skipped)}"/>\n    </testcase>`;
    return `${open}/>`;
  });
  const head = `  <testsuite name="${attr(`coverage of ${by} ${suite.group}`)}" tests="${suite.cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`;
  return { xml: [head, props, ...cases, '  </testsuite>'].join('\n'), tests: suite.cases.length, failures };
}

function properties(manifest: Manifest, check: CoverageCheck): string {
  const props: Array<[string, string]> = [
    ['aipolicy.version', manifest.version],
    ['taxonomy.version', manifest.taxonomyVersion],
    ['by', check.coverage.by],
    ['minDocs', String(check.coverage.minDocs)],
    ['minScore', String(check.coverage.minScore)],
    ['required', check.required.join(',')],
    ['documents', String(manifest.documents.length)],
    ...(check.baseline === undefined ? [] : [['baseline', check.baseline] as [string, string]]),
  ];
  return ['    <properties>', ...props.map(([k, v]) => `      <property name="${attr(k)}" value="${attr(v)}"/>`), '    </properties>'].join('\n');
}

/** Returns text safe in XML character data: controls and bidi overrides shown as escapes, characters XML 1.0 forbids removed, markup escaped. */
function text(value: string): string {
  return sanitizeForTerminal(value, true)
    .replace(/\t/g, ' ')
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
