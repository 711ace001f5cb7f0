// npm run bench [-- --large] [--sizes 1000,10000] [--keep]: measures ingest throughput, peak
// memory, overlap and coverage time and cost per document on synthetic corpora built from the
// project's real texts; compares the matching work with ripgrep and with a naive natural-based
// implementation; times start-up against a bare node. Prints figures next to the targets and
// writes bench-results/bench.json. Nothing here is a pass/fail test: it prints what it measures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { readTaxonomy } from '../../src/io/read-taxonomy.js';
import { TAXONOMY_LANGUAGES } from '../../src/core/taxonomy.js';
import { FIXTURES, ROOT } from '../eval/dataset.js';
import { loadParagraphs, writeSyntheticCorpus } from './corpus.js';

const args = process.argv.slice(2);
const large = args.includes('--large');
const keep = args.includes('--keep');
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [1000, 10000, ...(large ? [100000] : [])];
const BIN = join(ROOT, 'bin', 'aipolicy.js');
const work = mkdtempSync(join(tmpdir(), 'aipolicy-bench-'));

interface Timed {
  seconds: number;
  maxRssMb: number;
  status: number;
}

/** Runs a command under GNU time and returns its wall time and peak resident memory. */
function timed(command: string, commandArgs: string[], env: Record<string, string> = {}): Timed {
  const out = join(work, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', out, command, ...commandArgs], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const [seconds, kb] = readFileSync(out, 'utf8').trim().split(/\s+/).slice(-2).map(Number) as [number, number];
  return { seconds, maxRssMb: kb / 1024, status: result.status ?? -1 };
}

/** Median wall time of `runs` runs of a command, in milliseconds. */
function median(command: string, commandArgs: string[], runs = 15): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(command, commandArgs, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Every single-word surface term of the taxonomy, folded: what ripgrep and the naive version look for. */
function writeTerms(): string {
  const taxonomy = readTaxonomy();
  const terms = new Set<string>();
  for (const theme of taxonomy.themes) {
    for (const concept of theme.concepts) {
      for (const language of TAXONOMY_LANGUAGES) {
        for (const term of concept.terms[language]) {
          const plain = term.replace(/^[=*]/, '').replace(/\*$/, '').toLowerCase();
          if (/^[\p{L}\p{N}' -]+$/u.test(plain)) terms.add(plain);
        }
      }
    }
  }
  const file = join(work, 'terms.txt');
  writeFileSync(file, `${[...terms].sort().join('\n')}\n`);
  return file;
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const rows: Array<Record<string, number>> = [];
const paragraphs = loadParagraphs(FIXTURES);
const termsFile = writeTerms();
console.log(`aipolicy benchmark — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`);
console.log(`synthetic corpora of ${sizes.join(', ')} documents from ${paragraphs.length} real paragraphs (seed 42)\n`);

for (const size of sizes) {
  const src = join(work, `src-${size}`);
  const corpus = join(work, `corpus-${size}`);
  const bytes = writeSyntheticCorpus(src, size, paragraphs);
  const mb = bytes / 1e6;
  const ingest = timed(process.execPath, [BIN, 'ingest', src, '--corpus', corpus, '--format', 'json']);
  const ingestOneCore = size <= 10000 ? timed('taskset', ['-c', '0', process.execPath, BIN, 'ingest', src, '--corpus', `${corpus}-1core`, '--format', 'json']) : undefined;
  const overlap = timed(process.execPath, [BIN, 'overlap', '--corpus', corpus, '--format', 'json']);
  const overlapWarm = timed(process.execPath, [BIN, 'overlap', '--corpus', corpus, '--format', 'json']);
  const coverage = timed(process.execPath, [BIN, 'coverage', '--corpus', corpus, '--require', 'all', '--format', 'json']);
  const rg = timed('rg', ['--count-matches', '--ignore-case', '--fixed-strings', '--word-regexp', '-f', termsFile, src]);
  const naive = size <= 10000 ? timed(process.execPath, [join(ROOT, 'scripts', 'bench', 'naive.mjs'), src, termsFile]) : undefined;
  const row = {
    documents: size,
    megabytes: mb,
    ingestSeconds: ingest.seconds,
    ingestMBps: mb / ingest.seconds,
    ingestDocsPerSecond: size / ingest.seconds,
    ingestPeakMb: ingest.maxRssMb,
    ingestOneCoreMBps: ingestOneCore ? mb / ingestOneCore.seconds : NaN,
    msPerDocument: (1000 * ingest.seconds) / size,
    overlapSeconds: overlap.seconds,
    overlapWarmSeconds: overlapWarm.seconds,
    overlapPeakMb: overlap.maxRssMb,
    coverageSeconds: coverage.seconds,
    ripgrepSeconds: rg.seconds,
    naiveSeconds: naive ? naive.seconds : NaN,
  };
  rows.push(row);
  console.log(`${size} documents, ${fmt(mb, 1)} MB`);
  console.log(`  ingest: ${fmt(ingest.seconds)} s = ${fmt(row.ingestMBps)} MB/s, ${fmt(row.ingestDocsPerSecond, 0)} documents/s, ${fmt(row.msPerDocument)} ms/document, peak ${fmt(ingest.maxRssMb, 0)} MB RSS${ingest.status === 0 ? '' : ` (exit ${ingest.status})`}`);
  if (ingestOneCore) console.log(`  ingest on one core (taskset -c 0): ${fmt(row.ingestOneCoreMBps)} MB/s        target ≥ 5 MB/s`);
  console.log(`  overlap: ${fmt(overlap.seconds)} s first run, ${fmt(overlapWarm.seconds)} s with the index, peak ${fmt(overlap.maxRssMb, 0)} MB; coverage ${fmt(coverage.seconds)} s        target ≤ 1 s at 100,000`);
  console.log(`  matching floor, ripgrep counting the same terms: ${fmt(rg.seconds)} s (aipolicy ingest is ${fmt(ingest.seconds / rg.seconds, 1)}× slower)`);
  if (naive) console.log(`  naive natural tokenizer + stemmer, no cache: ${fmt(naive.seconds)} s (aipolicy ingest does ${fmt(naive.seconds / ingest.seconds, 1)}× the naive speed, with far more work)`);
  if (!keep) rmSync(`${corpus}-1core`, { recursive: true, force: true });
}

const first = rows[0]!;
const last = rows[rows.length - 1]!;
console.log(`\ncost per document: ${rows.map((r) => `${r.documents}: ${fmt(r.msPerDocument)} ms`).join(', ')}; ${fmt((100 * (last.msPerDocument - first.msPerDocument)) / first.msPerDocument, 0)}% from ${first.documents} to ${last.documents}        target: flat within 20%`);
console.log(`peak memory at ${last.documents} documents: ingest ${fmt(last.ingestPeakMb, 0)} MB, overlap ${fmt(last.overlapPeakMb, 0)} MB        target ≤ 300 MB at 100,000`);

const bare = median(process.execPath, ['-e', '']);
const help = median(process.execPath, [BIN, '--help']);
const sample = median(process.execPath, [BIN, 'overlap', '--corpus', join(ROOT, 'corpus')]);
console.log(`\nstart-up (median of 15): node -e '' ${fmt(bare, 0)} ms; aipolicy --help ${fmt(help, 0)} ms (${fmt(help / bare, 2)}×)        target ≤ 2×`);
console.log(`aipolicy overlap on the sample corpus: ${fmt(sample, 0)} ms        target ≤ 100 ms`);

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench-results', 'bench.json'),
  `${JSON.stringify({ cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, rows, startup: { bareMs: bare, helpMs: help, sampleOverlapMs: sample } }, null, 2)}\n`,
);
console.log('\nwritten: bench-results/bench.json');
if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept: ${work}`);
if (!existsSync('/usr/bin/time')) console.log('note: GNU time (/usr/bin/time) is needed for peak memory');
