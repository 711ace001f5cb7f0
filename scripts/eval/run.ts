// npm run eval: scores the tagger and the language detector on the development set copied into
// fixtures/devset (passages) and fixtures/sources + fixtures/seeds (whole documents).
// Prints tables and the passages it gets wrong; writes eval-results/devset.json.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseBody } from '../../src/core/analyse.js';
import { detectLanguage } from '../../src/core/language.js';
import { PASSAGE_THRESHOLD, tagPassageText } from '../../src/core/tag.js';
import { parseDocumentBytes } from '../../src/io/read-document.js';
import { loadLexicon } from '../../src/workflows/lexicon.js';
import { FIXTURES as FIX, foldOf, loadPassages, ROOT, type DevPassage } from './dataset.js';
import { fitLogistic } from './logistic.js';
import { errorBands, evaluate, type Report } from './metrics.js';
import { documentContext, FIT, rowsOf, toCalibration } from './train.js';

interface DocumentCase {
  name: string;
  gold: string[];
  language: string;
  body: string;
  title: string;
}

const lexicon = loadLexicon();
const THEMES = lexicon.taxonomy.themes.map((t) => t.id);
const pct = (x: number) => `${(x * 100).toFixed(1)}`.padStart(5);
const f2 = (x: number) => x.toFixed(3);

function loadDocuments(): DocumentCase[] {
  const cases: DocumentCase[] = [];
  for (const line of readFileSync(join(FIX, 'devset', 'documents', 'index.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const d = JSON.parse(line) as { file: string; lang: string; themes: string[] };
    const name = `${d.file.replace(/\.[a-z]{2}\.txt$/, '')}.md`;
    const parsed = parseDocumentBytes(readFileSync(join(FIX, 'sources', name)), name);
    cases.push({ name, gold: d.themes, language: d.lang, body: parsed.body, title: parsed.meta.title ?? '' });
  }
  const labels = JSON.parse(readFileSync(join(FIX, 'seeds', 'labels.json'), 'utf8')) as Record<string, { language: string; themes: string[] } | string>;
  // The seeds as the sample corpus has them: same text, with their title and metadata.
  const sources = readdirSync(join(FIX, 'sources')).map((name) => ({ name, parsed: parseDocumentBytes(readFileSync(join(FIX, 'sources', name)), name) }));
  for (const file of readdirSync(join(FIX, 'seeds')).filter((f) => f.endsWith('.txt')).sort()) {
    const label = labels[file];
    if (!label || typeof label === 'string') continue;
    const source = sources.find((s) => s.parsed.meta.source?.includes(file.replace(/\.txt$/, '')));
    const parsed = source?.parsed ?? parseDocumentBytes(readFileSync(join(FIX, 'seeds', file)), file);
    cases.push({ name: `seed ${file}`, gold: label.themes, language: label.language, body: parsed.body, title: parsed.meta.title ?? '' });
  }
  return cases;
}

function bucketOf(length: number): string {
  if (length < 50) return '< 50';
  if (length < 100) return '50–99';
  if (length < 200) return '100–199';
  if (length < 400) return '200–399';
  if (length < 800) return '400–799';
  return '800+';
}

/** Cuts a text to about n characters at a word boundary (language accuracy on short snippets). */
function prefix(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n);
  const space = cut.lastIndexOf(' ');
  return space > n / 2 ? cut.slice(0, space) : cut;
}

function languageReport(passages: DevPassage[]) {
  const buckets = new Map<string, { n: number; ok: number }>();
  const wrong: Array<{ id: string; gold: string; detected: string; length: number }> = [];
  const add = (text: string, gold: string, id: string) => {
    const detected = detectLanguage(text);
    const ok = detected === gold || (gold === 'lb' && detected === 'und');
    const bucket = bucketOf(text.length);
    const b = buckets.get(bucket) ?? { n: 0, ok: 0 };
    b.n += 1;
    if (ok) b.ok += 1;
    buckets.set(bucket, b);
    if (!ok) wrong.push({ id, gold, detected, length: text.length });
    return ok;
  };
  let ok = 0;
  for (const p of passages) if (add(p.text, p.lang, p.id)) ok += 1;
  const whole = { n: passages.length, ok };
  const snippets = new Map<number, { n: number; ok: number }>();
  for (const n of [30, 50, 100, 200]) {
    let good = 0;
    for (const p of passages) {
      const t = prefix(p.text, n);
      const d = detectLanguage(t);
      if (d === p.lang || (p.lang === 'lb' && d === 'und')) good += 1;
    }
    snippets.set(n, { n: passages.length, ok: good });
  }
  return { whole, buckets, wrong, snippets };
}

function passageReport(passages: DevPassage[]) {
  const rows = passages.map((p) => {
    const language = detectLanguage(p.text);
    const themes = tagPassageText(lexicon, p.text, language, documentContext(lexicon, p));
    const predicted = themes.filter((t) => t.asserted).map((t) => t.theme);
    return { p, language, themes, predicted };
  });
  const overall = evaluate(rows.map((r) => ({ gold: r.p.labels, predicted: r.predicted })), THEMES);
  const byLanguage: Record<string, Report> = {};
  for (const lang of [...new Set(passages.map((p) => p.lang))].sort()) {
    const subset = rows.filter((r) => r.p.lang === lang);
    byLanguage[lang] = evaluate(subset.map((r) => ({ gold: r.p.labels, predicted: r.predicted })), THEMES);
  }
  const errors = rows
    .filter((r) => r.predicted.slice().sort().join() !== r.p.labels.slice().sort().join())
    .map((r) => ({
      id: r.p.id,
      lang: r.p.lang,
      gold: r.p.labels,
      predicted: r.predicted,
      missing: r.p.labels.filter((l) => !r.predicted.includes(l)),
      extra: r.predicted.filter((l) => !r.p.labels.includes(l)),
      scores: Object.fromEntries(r.themes.map((t) => [t.theme, { score: t.score, terms: [...new Set(t.matches.map((m) => `${m.term}×${m.weight}`))] }])),
      note: r.p.note,
      text: r.p.text,
    }));
  const decisions = rows.flatMap((r) =>
    THEMES.map((theme) => ({
      gold: r.p.labels.includes(theme),
      predicted: r.predicted.includes(theme),
      score: r.themes.find((t) => t.theme === theme)?.score,
    })),
  );
  // Bands of 0.1 on each side of the threshold, edges rounded to hundredths (0.44 − 0.1 is 0.33999… in floating point).
  const edge = (offset: number) => Math.round((PASSAGE_THRESHOLD + offset) * 100) / 100;
  const bands = errorBands(decisions, PASSAGE_THRESHOLD, [edge(-0.2), edge(-0.1)], [edge(0.1), edge(0.2)]);
  return { overall, byLanguage, errors, bands };
}

// Grouped k-fold cross-validation of the calibration: the lexicon is fixed, the logistic model is
// refitted without the held-out pages, and the held-out passages are tagged with it. This is the
// estimate for documents the tagger has never seen.
const FOLDS = 5;
function crossValidate(passages: DevPassage[]) {
  const predictions = new Map<string, string[]>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = passages.filter((p) => foldOf(p, FOLDS) !== fold);
    const calibration = toCalibration(fitLogistic(rowsOf(lexicon, train), THEMES, FIT));
    for (const p of passages.filter((q) => foldOf(q, FOLDS) === fold)) {
      const themes = tagPassageText(lexicon, p.text, detectLanguage(p.text), { ...documentContext(lexicon, p), calibration });
      predictions.set(p.id, themes.filter((t) => t.asserted).map((t) => t.theme));
    }
  }
  const overall = evaluate(passages.map((p) => ({ gold: p.labels, predicted: predictions.get(p.id)! })), THEMES);
  const byLanguage: Record<string, Report> = {};
  for (const lang of [...new Set(passages.map((p) => p.lang))].sort()) {
    const subset = passages.filter((p) => p.lang === lang);
    byLanguage[lang] = evaluate(subset.map((p) => ({ gold: p.labels, predicted: predictions.get(p.id)! })), THEMES);
  }
  return { overall, byLanguage };
}

function documentReport(cases: DocumentCase[]) {
  const rows = cases.map((c) => {
    const analysis = analyseBody(lexicon, c.body, undefined, c.title);
    return { name: c.name, gold: c.gold, predicted: analysis.themes.map((t) => t.id), language: analysis.language, goldLanguage: c.language };
  });
  const report = evaluate(rows.map((r) => ({ gold: r.gold, predicted: r.predicted })), THEMES);
  return { report, rows };
}

function printLanguages(title: string, byLanguage: Record<string, Report>) {
  console.log(`\n${title}`);
  console.log('lang  passages  macro-P  macro-R  macro-F1  micro-F1');
  for (const [code, r] of Object.entries(byLanguage)) {
    console.log(`${code.padEnd(5)} ${String(r.items).padStart(8)}   ${pct(r.macro.precision)}    ${pct(r.macro.recall)}    ${pct(r.macro.f1)}     ${pct(r.micro.f1)}`);
  }
}

function printScores(title: string, report: Report, targets?: { f1: number }) {
  console.log(`\n${title}`);
  console.log('theme              precision  recall     F1   support');
  for (const theme of THEMES) {
    const s = report.labels[theme]!;
    const flag = targets && s.support > 0 && s.f1 < targets.f1 ? '  < target' : '';
    console.log(`${theme.padEnd(18)} ${pct(s.precision)}   ${pct(s.recall)}  ${pct(s.f1)}   ${String(s.support).padStart(5)}${flag}`);
  }
  console.log(`${'macro'.padEnd(18)} ${pct(report.macro.precision)}   ${pct(report.macro.recall)}  ${pct(report.macro.f1)}`);
  console.log(`${'micro'.padEnd(18)} ${pct(report.micro.precision)}   ${pct(report.micro.recall)}  ${pct(report.micro.f1)}`);
}

const passages = loadPassages();
const lang = languageReport(passages);
const tags = passageReport(passages);
const docs = documentReport(loadDocuments());
const cv = crossValidate(passages);

printScores(`Passages (${passages.length}): theme tagging (target: macro F1 ≥ 0.90, every theme ≥ 0.80)`, tags.overall, { f1: 0.8 });
printLanguages('Per language (target: macro F1 ≥ 0.85 each)', tags.byLanguage);
printScores(`Passages, ${FOLDS}-fold cross-validation grouped by page (calibration refitted without the held-out pages)`, cv.overall, { f1: 0.8 });
printLanguages('Per language, cross-validated', cv.byLanguage);
printScores(`Documents (${docs.rows.length}): document-level themes (target: recall ≥ 0.90 with precision ≥ 0.85, micro)`, docs.report);
console.log('\nLanguage of passages (target: ≥ 99% overall, 100% at 200+ characters; lb counts as right when lb or und)');
console.log(`all passages: ${lang.whole.ok}/${lang.whole.n} = ${pct(lang.whole.ok / lang.whole.n)}%`);
for (const [bucket, b] of [...lang.buckets.entries()].sort()) console.log(`  ${bucket.padEnd(8)} chars: ${b.ok}/${b.n} = ${pct(b.ok / b.n)}%`);
console.log('first N characters of every passage:');
for (const [n, b] of lang.snippets) console.log(`  ~${String(n).padEnd(4)} chars: ${b.ok}/${b.n} = ${pct(b.ok / b.n)}%`);
for (const w of lang.wrong) console.log(`  wrong: ${w.id} gold ${w.gold} detected ${w.detected} (${w.length} chars)`);

console.log(`\nDocuments, one by one`);
for (const r of docs.rows) {
  const missing = r.gold.filter((t) => !r.predicted.includes(t));
  const extra = r.predicted.filter((t) => !r.gold.includes(t));
  const mark = missing.length + extra.length === 0 ? 'ok ' : 'ERR';
  console.log(`${mark} ${r.name.padEnd(52)} ${r.language}${r.language === r.goldLanguage ? ' ' : '!'} ${missing.length ? `missing ${missing.join(',')} ` : ''}${extra.length ? `extra ${extra.join(',')}` : ''}`);
}

const verbose = process.argv.includes('--errors');
const band = (b: { from: number; to: number; count: number }) => `${b.count} at ${b.from.toFixed(2)}–${b.to.toFixed(2)}`;
console.log(`\nWrong (passage, theme) decisions: ${tags.bands.total}, of which ${tags.bands.nearThreshold} score within 0.1 of the threshold (${PASSAGE_THRESHOLD})`);
console.log(`  missed: ${tags.bands.missed.noTerm} with no term found, ${tags.bands.missed.bands.map(band).join(', ')}`);
console.log(`  extra:  ${tags.bands.extra.map(band).join(', ')}`);
console.log(`\nPassages tagged wrong: ${tags.errors.length} of ${passages.length}${verbose ? '' : ' (npm run eval -- --errors shows text and scores)'}`);
for (const e of tags.errors) {
  console.log(`${e.id} ${e.lang} gold [${e.gold.join(', ')}] got [${e.predicted.join(', ')}]${e.missing.length ? ` missing ${e.missing.join(',')}` : ''}${e.extra.length ? ` extra ${e.extra.join(',')}` : ''}`);
  if (verbose) {
    for (const [theme, s] of Object.entries(e.scores)) console.log(`    ${theme} ${f2(s.score)}: ${s.terms.join(' ')}`);
    if (e.note) console.log(`    note: ${e.note}`);
    console.log(`    ${e.text.replace(/\s+/g, ' ').slice(0, 400)}`);
  }
}

mkdirSync(join(ROOT, 'eval-results'), { recursive: true });
const out = {
  taxonomyVersion: lexicon.taxonomy.version,
  passages: { overall: tags.overall, byLanguage: tags.byLanguage, errorBands: tags.bands, errors: tags.errors },
  crossValidation: { folds: FOLDS, overall: cv.overall, byLanguage: cv.byLanguage },
  documents: { report: docs.report, rows: docs.rows },
  language: {
    accuracy: lang.whole.ok / lang.whole.n,
    buckets: Object.fromEntries([...lang.buckets.entries()].map(([k, v]) => [k, v])),
    snippets: Object.fromEntries([...lang.snippets.entries()].map(([k, v]) => [k, v])),
    wrong: lang.wrong,
  },
};
writeFileSync(join(ROOT, 'eval-results', 'devset.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log('\nwritten: eval-results/devset.json');

// `--markdown`: the summary the README shows (npm run readme inserts it).
if (process.argv.includes('--markdown')) {
  const p = (x: number) => (x * 100).toFixed(1);
  const lines: string[] = [];
  lines.push('| theme | passage F1 | cross-validated F1 | document P / R |', '|---|---|---|---|');
  for (const theme of THEMES) {
    const d = docs.report.labels[theme]!;
    lines.push(`| \`${theme}\` | ${p(tags.overall.labels[theme]!.f1)} | ${p(cv.overall.labels[theme]!.f1)} | ${p(d.precision)} / ${p(d.recall)} |`);
  }
  lines.push(`| **macro** | **${p(tags.overall.macro.f1)}** | **${p(cv.overall.macro.f1)}** | ${p(docs.report.macro.precision)} / ${p(docs.report.macro.recall)} |`);
  lines.push(`| **micro** | ${p(tags.overall.micro.f1)} | ${p(cv.overall.micro.f1)} | **${p(docs.report.micro.precision)} / ${p(docs.report.micro.recall)}** |`);
  lines.push('', '| language | passages | macro F1 | cross-validated | language accuracy |', '|---|---|---|---|---|');
  for (const [code, r] of Object.entries(tags.byLanguage)) {
    const right = passages.filter((q) => q.lang === code && !lang.wrong.some((w) => w.id === q.id)).length;
    lines.push(`| ${code} | ${r.items} | ${p(r.macro.f1)} | ${p(cv.byLanguage[code]!.macro.f1)} | ${right}/${r.items} |`);
  }
  console.log(`\n<<<markdown\n${lines.join('\n')}\nmarkdown>>>`);
}
