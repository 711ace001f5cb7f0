// The sections of the HTML report: heatmaps whose cells open on click (details/summary, no script) to show the evidence.
import type { CellEvidence, ComparedDocument, Competence, CoverageCheck, CoverageDiff, CoverageMatrix, GapReport, Group, OverlapMatrix } from '../model.js';
import { escapeHtml, heatClass, markTerms } from './html-escape.js';
import {
  checkHeadline,
  COMPETENCE_TITLE,
  competenceRows,
  coverageCellText,
  coverageLegend,
  coverageTitle,
  describeCause,
  diffSummary,
  diffTitle,
  evidencePlace,
  gapCellText,
  gapCounts,
  gapLegend,
  gapTitle,
  overlapLegend,
  overlapTitle,
  shortfallText,
} from './matrix-text.js';

const e = escapeHtml;

function groupHeads(groups: Group[]): string {
  return groups.map((g) => `<th scope="col">${e(g.key)}<br><small>${g.documents.length} doc${g.documents.length === 1 ? '' : 's'}</small></th>`).join('');
}

function cell(classes: string, label: string, popup: string, data: string): string {
  return `<td class="${classes}" ${data}><details><summary>${e(label)}</summary><div class="pop">${popup}</div></details></td>`;
}

/** Returns a passage as a quotation with its source and terms marked. */
export function evidenceBlock(evidence: CellEvidence): string {
  const title = evidence.title === undefined ? '' : `<b>${e(evidence.title)}</b> `;
  return `<figure class="evidence"><figcaption>${title}<code>${e(evidence.document)}</code> ${e(evidencePlace(evidence))} · score ${evidence.score.toFixed(2)}</figcaption><blockquote>${markTerms(evidence.text, evidence.terms)}</blockquote><p class="terms">terms: ${e(evidence.terms.join(', '))}</p></figure>`;
}

/** Returns the coverage heatmap; a covered cell opens on the strongest passage and the list of its documents. */
export function coverageSection(coverage: CoverageMatrix): string {
  const rows = coverage.themes.map((theme, t) => {
    const cells = coverage.cells[t]!.map((c, g) => {
      const text = coverageCellText(c, coverage.groups[g]!.documents.length);
      const data = `data-theme="${e(theme)}" data-group="${e(c.group)}"`;
      if (c.documents.length === 0) return `<td class="cov none h0" ${data}>${e(text)}</td>`;
      const heat = !c.covered ? 'h1' : c.strength === 'strong' ? 'h4' : 'h2';
      const popup = `${c.evidence[0] ? evidenceBlock(c.evidence[0]) : ''}<p>${c.covered ? 'Covered' : 'Not covered (too few documents)'}: ${c.strength}, best score ${c.score.toFixed(2)}. Documents: ${c.documents.map((d) => `<code>${e(d)}</code>`).join(', ')}</p>`;
      return cell(`cov ${c.strength} ${heat}`, text, popup, data);
    });
    return `<tr><th scope="row">${e(theme)}</th>${cells.join('')}</tr>`;
  });
  return section('coverage', coverageTitle(coverage), coverageLegend(coverage).join('; '), `<table class="heatmap cov"><thead><tr><th>theme × ${e(coverage.by)}</th>${groupHeads(coverage.groups)}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
}

/** Returns the overlap heatmap; a cell opens on the shared themes. */
export function overlapSection(overlap: OverlapMatrix): string {
  const { coverage, cells } = overlap;
  const rows = cells.map((row, i) => {
    const tds = row.map((c, j) => {
      const data = `data-a="${e(c.a)}" data-b="${e(c.b)}"`;
      if (i === j) return `<td class="ovl diag" ${data}>${c.shared.length}</td>`;
      const label = `${c.shared.length} · ${c.jaccard.toFixed(2)}`;
      if (c.shared.length === 0) return `<td class="ovl h0" ${data}>${e(label)}</td>`;
      return cell(`ovl ${heatClass(c.jaccard)}`, label, `<p>${e(c.a)} and ${e(c.b)} share ${c.shared.length} theme${c.shared.length === 1 ? '' : 's'} (Jaccard ${c.jaccard.toFixed(2)}):</p><ul>${c.shared.map((t) => `<li>${e(t)}</li>`).join('')}</ul>`, data);
    });
    return `<tr><th scope="row">${e(coverage.groups[i]!.key)}</th>${tds.join('')}</tr>`;
  });
  const passages = overlap.passages ? passageSection(overlap) : '';
  return section('overlap', overlapTitle(coverage), `${overlapLegend().join(' ')}; click a cell for the themes`, `<table class="heatmap ovl"><thead><tr><th></th>${groupHeads(coverage.groups)}</tr></thead><tbody>${rows.join('')}</tbody></table>${passages}`);
}

function passageSection(overlap: OverlapMatrix): string {
  const { theme, pairs } = overlap.passages!;
  const blocks = pairs.map(
    (p) => `<details class="pair"><summary>${e(p.a)} ↔ ${e(p.b)}</summary><div class="sides"><div><h4>${e(p.a)}</h4>${p.aEvidence.map(evidenceBlock).join('')}</div><div><h4>${e(p.b)}</h4>${p.bEvidence.map(evidenceBlock).join('')}</div></div></details>`,
  );
  return `<h3>Passages on ${e(theme)}, for each pair of groups that both cover it</h3>${blocks.join('') || `<p>No two groups both cover ${e(theme)}.</p>`}`;
}

/** Returns the gap heatmap (real gaps among all) and the list of gaps marked with the competences. */
export function gapSection(report: GapReport): string {
  const { coverage } = report;
  const rows = coverage.groups.map((from) => {
    const tds = coverage.groups.map((to) => {
      const data = `data-from="${e(from.key)}" data-to="${e(to.key)}"`;
      if (to.key === from.key) return `<td class="gap diag" ${data}>—</td>`;
      const counts = gapCounts(report, from.key, to.key);
      const label = gapCellText(counts);
      if (counts.total === 0) return `<td class="gap h0" ${data}>${e(label)}</td>`;
      const gap = report.gaps.find((g) => g.from === from.key && g.to === to.key)!;
      const items = gap.details.map((d) => `<li><b>${e(d.theme)}</b>: <span class="status ${d.status === 'real gap' ? 'real' : 'explained'}">${e(d.status)}</span> <small>${e(d.reason)}</small></li>`);
      return cell(`gap ${heatClass(Math.min(1, counts.real / 4))}`, label, `<ul>${items.join('')}</ul>`, data);
    });
    return `<tr><th scope="row">${e(from.key)}</th>${tds.join('')}</tr>`;
  });
  const list = report.gaps.flatMap((g) =>
    g.details.map((d) => `<tr class="${d.status === 'real gap' ? 'real' : 'explained'}"><td>${e(g.from)}</td><td>${e(g.to)}</td><td>${e(d.theme)}</td><td>${e(d.status)}</td><td>${e(d.reason)}</td></tr>`),
  );
  const listTable = list.length > 0 ? `<table class="list"><thead><tr><th>covers</th><th>lacks</th><th>theme</th><th>status</th><th>why</th></tr></thead><tbody>${list.join('')}</tbody></table>` : '<p>No gaps.</p>';
  return section('gaps', gapTitle(coverage), `${gapLegend().join(' ')}; click a cell for the themes and why`, `<table class="heatmap gap"><thead><tr><th>covers → lacks</th>${groupHeads(coverage.groups)}</tr></thead><tbody>${rows.join('')}</tbody></table><details class="gaplist"><summary>All gaps, marked with the competences (${list.length})</summary>${listTable}</details>`);
}

/** Returns the verdict of a coverage check and its shortfalls. */
export function checkSection(check: CoverageCheck): string {
  const items = check.shortfalls.map((s) => `<li>${e(shortfallText(s, check.coverage))}</li>`);
  return `<section id="check" class="${check.passed ? 'pass' : 'fail'}"><h2>${e(checkHeadline(check))}</h2>${items.length > 0 ? `<ul>${items.join('')}</ul>` : ''}</section>`;
}

/** Returns the themes each group gained and lost between two snapshots. */
export function diffSection(diff: CoverageDiff): string {
  const rows = diff.changes.map(
    (c) => `<tr class="${c.change}"><td>${e(c.group)}</td><td>${e(c.theme)}</td><td>${c.change}</td><td>${c.documents.map((d) => `<code>${e(d.id)}</code> (${e(describeCause(d.cause, c.change))})`).join('<br>')}</td></tr>`,
  );
  const body = rows.length > 0 ? `<table class="list"><thead><tr><th>group</th><th>theme</th><th>change</th><th>documents</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : `<p>No group gained or lost a theme.</p>`;
  return section('diff', diffTitle(diff), diffSummary(diff), body);
}

/** Returns the table of the documents compared: what every number above is made of. */
export function documentsSection(documents: ComparedDocument[]): string {
  const rows = [...documents]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(
      (d) => `<tr><td><code>${e(d.id)}</code></td><td>${e(d.meta.title ?? '')}</td><td>${e(d.meta.level ?? '')}</td><td>${e((d.meta.country ?? []).join(', '))}</td><td>${e(d.meta.region ?? '')}</td><td>${e(d.meta.date ?? '')}</td><td>${e(d.language)}</td><td>${e(d.themes.map((t) => t.id).join(', '))}</td></tr>`,
    );
  return section('documents', `Documents (${documents.length})`, 'Every number above counts these documents; aipolicy show <id> prints one with all its evidence.', `<table class="list docs"><thead><tr><th>id</th><th>title</th><th>level</th><th>country</th><th>region</th><th>date</th><th>lang</th><th>themes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
}

function section(id: string, title: string, legend: string, body: string): string {
  return `<section id="${id}"><h2>${e(title)}</h2><p class="legend">${e(legend)}</p>${body}</section>`;
}

/** Returns the competence table: a row per country and level, a column per theme; a cell opens on its note and sources. */
export function competenceSection(competence: Competence, themes: string[]): string {
  const rows = competenceRows(competence).map(({ country, level }) => {
    const cells = themes.map((theme) => {
      const entry = competence.countries[country]!.themes[theme];
      const value = entry?.levels[level];
      if (!entry || value === undefined) return '<td class="comp">?</td>';
      const popup = `<p>${entry.approximate ? '<b>Approximate split.</b> ' : ''}${e(entry.note)}</p><ul>${entry.sources.map((s) => `<li>${e(s)}</li>`).join('')}</ul>`;
      return cell(`comp ${value}`, value, popup, `data-country="${e(country)}" data-level="${e(level)}" data-theme="${e(theme)}"`);
    });
    return `<tr><th scope="row">${e(`${country} ${level}`)}<br><small>${e(competence.countries[country]!.levels[level] ?? '')}</small></th>${cells.join('')}</tr>`;
  });
  const head = themes.map((t) => `<th scope="col">${e(t)}</th>`).join('');
  return section('competence', COMPETENCE_TITLE, 'full: main holder; partial: competent for a part; none: not competent. Click a cell for the note (which says where a split is approximate) and the sources.', `<table class="heatmap comp"><thead><tr><th>country, level</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
}
