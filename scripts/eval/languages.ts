// npm run eval:languages: compares language detectors on the development passages and on their
// first N characters: franc 6 and franc-all 7 (restricted to our languages), eld 2.1, and the
// detector aipolicy uses (function words where they decide, else eld with franc on ties; Luxembourgish check).
import { eld } from 'eld/extrasmall';
import { franc } from 'franc';
import { franc as francAll } from 'franc-all';
import { detectLanguage } from '../../src/core/language.js';
import { loadPassages } from './dataset.js';

const CODES: Record<string, string> = { nld: 'nl', fra: 'fr', deu: 'de', eng: 'en', ltz: 'lb' };
const passages = loadPassages();
const detectors: Record<string, (text: string) => string> = {
  'franc 6, only nl/fr/de/en': (t) => CODES[franc(t, { only: ['nld', 'fra', 'deu', 'eng'], minLength: 1 })] ?? 'und',
  'franc-all 7.2, only nl/fr/de/en/lb': (t) => CODES[francAll(t, { only: ['nld', 'fra', 'deu', 'eng', 'ltz'], minLength: 1 })] ?? 'und',
  'eld 2.1 extrasmall, subset nl/fr/de/en': (t) => eld.detect(t).language || 'und',
  'aipolicy (function words, else eld; lb check)': (t) => detectLanguage(t),
};

function prefix(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n);
  const space = cut.lastIndexOf(' ');
  return space > n / 2 ? cut.slice(0, space) : cut;
}

const lengths = [20, 30, 50, 100, 0];
const markdown = process.argv.includes('--markdown');
const table: string[] = ['| detector | 20 ch | 30 ch | 50 ch | 100 ch | whole | speed |', '|---|---|---|---|---|---|---|'];
console.log(`Language detection on ${passages.length} development passages (and their first N characters)`);
console.log(`${'detector'.padEnd(42)}${lengths.map((n) => (n === 0 ? 'whole' : `${n} ch`).padStart(8)).join('')}   speed`);
for (const [name, detect] of Object.entries(detectors)) {
  // eld's subset is set by aipolicy's language module; set it again in case another row changed it.
  eld.setLanguageSubset(['nl', 'fr', 'de', 'en']);
  const cells = lengths.map((n) => {
    const right = passages.filter((p) => detect(n === 0 ? p.text : prefix(p.text, n)) === p.lang).length;
    return `${((100 * right) / passages.length).toFixed(1)}%`.padStart(8);
  });
  const bytes = passages.reduce((sum, p) => sum + Buffer.byteLength(p.text), 0) * 5;
  const start = process.hrtime.bigint();
  for (let i = 0; i < 5; i++) for (const p of passages) detect(p.text);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${name.padEnd(42)}${cells.join('')}   ${(bytes / 1e6 / seconds).toFixed(1)} MB/s`);
  table.push(`| ${name} | ${cells.map((c) => c.trim()).join(' | ')} | ${(bytes / 1e6 / seconds).toFixed(1)} MB/s |`);
}
if (markdown) console.log(`\n<<<markdown\n${table.join('\n')}\nmarkdown>>>`);
console.log('A Luxembourgish passage counts as right only when detected as lb.');
