// One self-contained HTML page: inline CSS, no script, no external request (a CSP forbids them), no timestamp,
// so the same corpus always gives the same bytes. Evidence opens on click through <details>.
import { UsageError } from '../errors.js';
import type { GapReport, Manifest } from '../model.js';
import { escapeHtml } from './html-escape.js';
import { checkSection, competenceSection, coverageSection, diffSection, documentsSection, gapSection, overlapSection } from './html-sections.js';
import type { Report } from './index.js';
import { scopeLine } from './matrix-text.js';

/** Returns the analysis as a complete HTML page, ending with a newline. */
export function renderHtml(report: Report): string {
  switch (report.kind) {
    case 'report':
      return page(`AI policy coverage, overlap and gaps by ${report.overlap.coverage.by}`, report.scope.manifest, [
        coverageSection(report.overlap.coverage),
        overlapSection(report.overlap),
        gapSection(report.gaps),
        ...competence(report.gaps),
        documentsSection(report.scope.documents),
      ]);
    case 'coverage':
      return page(`AI policy coverage by ${report.check.coverage.by}`, report.scope.manifest, [
        checkSection(report.check),
        coverageSection(report.check.coverage),
        documentsSection(report.scope.documents),
      ]);
    case 'overlap':
      return page(`AI policy overlap by ${report.overlap.coverage.by}`, report.scope.manifest, [
        coverageSection(report.overlap.coverage),
        overlapSection(report.overlap),
        documentsSection(report.scope.documents),
      ]);
    case 'gaps':
      return page(`AI policy gaps by ${report.gaps.coverage.by}`, report.scope.manifest, [gapSection(report.gaps), ...competence(report.gaps), documentsSection(report.scope.documents)]);
    case 'diff':
      return page(`AI policy coverage changes by ${report.diff.after.by}`, undefined, [diffSection(report.diff)]);
    default:
      throw new UsageError(`format "html" is not available for ${report.kind}`);
  }
}

function competence(gaps: GapReport): string[] {
  return gaps.competence ? [competenceSection(gaps.competence, gaps.coverage.themes)] : [];
}

const NAV: Record<string, string> = { check: 'Check', coverage: 'Coverage', overlap: 'Overlap', gaps: 'Gaps', competence: 'Competences', diff: 'Changes', documents: 'Documents' };

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function page(title: string, manifest: Manifest | undefined, sections: string[]): string {
  const ids = sections.map((s) => /^<section id="([^"]+)"/.exec(s)?.[1]).filter((id): id is string => id !== undefined && id in NAV);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>${manifest ? `<p class="scope">${escapeHtml(scopeLine(manifest))}</p>` : ''}
<nav>${ids.map((id) => `<a href="#${id}">${NAV[id]}</a>`).join(' · ')}</nav></header>
<main>
${sections.join('\n')}
</main>
${manifest ? manifestFooter(manifest) : ''}
</body>
</html>
`;
}

function manifestFooter(manifest: Manifest): string {
  const docs = manifest.documents.map((d) => `<li><code>${escapeHtml(d.id)}</code> <small>${escapeHtml(d.contentHash)}</small></li>`).join('');
  return `<footer><details><summary>Manifest: aipolicy ${escapeHtml(manifest.version)}, taxonomy ${escapeHtml(manifest.taxonomyVersion)}${manifest.competenceVersion ? `, competences ${escapeHtml(manifest.competenceVersion)}` : ''}</summary><ul>${docs}</ul></details></footer>`;
}

const STYLE = `
:root{--ink:#1d2430;--muted:#5b6473;--line:#d5d9e0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
body{margin:0 auto;max-width:78rem;padding:1rem 1.5rem 3rem;line-height:1.4}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:2rem 0 .3rem}h3{font-size:1rem}
.scope,.legend,small{color:var(--muted)}nav a{color:#1f5fa8}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.3rem .5rem;vertical-align:top}
thead th{background:#f3f5f8;font-weight:600}tbody th{text-align:left;white-space:nowrap;font-weight:500}
.heatmap td{text-align:center;position:relative;min-width:4.5rem;font-variant-numeric:tabular-nums}
.heatmap td.diag{background:#eceff3;color:var(--muted)}
.cov.h0,.ovl.h0,.gap.h0{background:#fafafa;color:#9aa1ab}
.cov.h1{background:#eef6ee}.cov.h2{background:#cde8cd}.cov.h4{background:#2e8b57;color:#fff}
.ovl.h1{background:#e8f0fb}.ovl.h2{background:#c9dcf5}.ovl.h3{background:#8fb6ea}.ovl.h4{background:#2f6db5;color:#fff}
.comp th{white-space:normal;max-width:16rem}.comp.full{background:#cde8cd}.comp.partial{background:#f3f0c9}.comp.none{background:#f1f1f1;color:#6b7280}
.gap.h1{background:#fdf0e6}.gap.h2{background:#f9d2b0}.gap.h3{background:#f0a56b}.gap.h4{background:#c8501e;color:#fff}
summary{cursor:pointer}td summary{list-style:none}td summary::-webkit-details-marker{display:none}
td details[open]>summary{outline:2px solid #1d2430;outline-offset:2px}
.pop{position:absolute;z-index:5;left:0;top:100%;width:30rem;max-width:80vw;text-align:left;background:#fff;color:var(--ink);border:1px solid #9aa1ab;box-shadow:0 4px 16px rgba(0,0,0,.18);padding:.6rem .8rem;font-size:.9rem}
.evidence{margin:0 0 .5rem}.evidence blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid #2e8b57;white-space:pre-wrap}
mark{background:#ffe58a;color:inherit}.terms{color:var(--muted);margin:.2rem 0}
.list td{font-size:.9rem}.list tr.real td:nth-child(4){color:#b3261e;font-weight:600}.list tr.explained td{color:var(--muted)}
.status.real{color:#b3261e;font-weight:600}.status.explained{color:var(--muted)}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.pair{margin:.4rem 0}
#check.pass h2{color:#1e7b34}#check.fail h2{color:#b3261e}
tr.gained td:nth-child(3){color:#1e7b34}tr.lost td:nth-child(3){color:#b3261e}
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
@media print{.pop{position:static;width:auto;box-shadow:none}}
`.trim();
