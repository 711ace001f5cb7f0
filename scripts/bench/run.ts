// npm run bench [-- --large] [--sizes 1000,10000] [--keep]: on synthetic corpora built from the
// project's real texts, measures ingest throughput on one core and on all cores, peak memory,
// overlap and coverage time (with the corpus index, and with it rebuilt), and the cost per document
// as the corpus grows; compares the matching work with ripgrep and with a naive natural-based
// implementation; times start-up against a bare node. Prints each figure next to its target and
// writes bench-results/bench.json. Nothing here passes or fails: it prints what it measures.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
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
/** The corpus indexes of the bench live here, never in the user's cache. */
const CACHE = join(work, 'cache');
const hasTime = existsSync('/usr/bin/time');
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const hasRipgrep = spawnSync('rg', ['--version']).status === 0;

interface Timed {
  seconds: number;
  maxRssMb: number;
  /** User and system CPU time: divided by `seconds`, how many cores the run kept busy on average. */
  cpuSeconds: number;
  status: number;
}

/** Runs a command (under GNU time when there is one) and returns its wall time, CPU time and peak resident memory. */
function timed(command: string, commandArgs: string[], env: Record<string, string> = {}): Timed {
  const out = join(work, 'time.txt');
  const runEnv = { ...process.env, NO_COLOR: '1', AIPOLICY_CACHE: CACHE, ...env };
  const start = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', '-o', out, command, ...commandArgs], { env: runEnv, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(command, commandArgs, { env: runEnv, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (!hasTime) return { seconds: wall, maxRssMb: NaN, cpuSeconds: NaN, status: result.status ?? -1 };
  const [seconds, kb, user, system] = readFileSync(out, 'utf8').trim().split(/\s+/).slice(-4).map(Number) as [number, number, number, number];
  return { seconds, maxRssMb: kb / 1024, cpuSeconds: user + system, status: result.status ?? -1 };
}

/** Median wall time of `runs` runs of a command, in milliseconds. */
function median(command: string, commandArgs: string[], runs: number, env: Record<string, string> = {}): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(command, commandArgs, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', AIPOLICY_CACHE: CACHE, ...env } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Microseconds per file to create 1,000 files of 4 KB in a new folder the way the store does (a
 * temporary file, written, closed and renamed; without the flush), right now. On this project's
 * VM (ext4 mounted with discard) the figure went from 50 µs to 500–700 µs per file for minutes
 * after another program deleted many files, which moves the one-core ingest rate by a third: the
 * probe shows what the disk was doing. Its files stay until the bench ends, as the corpora do.
 */
function probeFileCreation(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const text = 'x'.repeat(4096);
  const count = 1000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const temp = join(dir, `.probe-${i}.tmp`);
    const fd = openSync(temp, 'wx');
    writeSync(fd, text);
    closeSync(fd);
    renameSync(temp, join(dir, `probe-${i}.md`));
  }
  return Number(process.hrtime.bigint() - start) / 1e3 / count;
}

/** Marks every document of a corpus as analysed with another taxonomy version, so that refresh analyses it again. */
function markStale(corpus: string): void {
  for (const name of readdirSync(corpus)) {
    if (!name.endsWith('.md')) continue;
    const path = join(corpus, name);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^taxonomy_version: .*$/m, 'taxonomy_version: "bench-stale"'));
  }
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

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const target = (text: string) => `        target ${text}`;
const rows: Array<Record<string, number>> = [];
const paragraphs = loadParagraphs(FIXTURES);
const termsFile = writeTerms();
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`;
console.log(`aipolicy benchmark — ${machine}`);
console.log(`synthetic corpora of ${sizes.join(', ')} documents from ${paragraphs.length} real paragraphs (seed 42)`);
if (!hasTime) console.log('note: GNU time (/usr/bin/time) is missing: no peak memory figures');
if (!hasTaskset) console.log('note: taskset is missing: the one-core ingest runs on every core');
if (!hasRipgrep) console.log('note: ripgrep (rg) is missing: no matching-floor figure (Debian: apt install ripgrep)');
console.log('');

// What a run costs before its first document (start-up, loading the language data and lexicon,
// the lock, the index): one document ingested on one core, median of three. The cost per document
// is also given with it taken off, so that the 1,000-document figure is not mostly start-up.
const oneCoreIngest = (from: string, into: string): Timed => {
  const ingestArgs = [BIN, 'ingest', from, '--corpus', into, '--format', 'json', '--jobs', '1'];
  return hasTaskset ? timed('taskset', ['-c', '0', process.execPath, ...ingestArgs]) : timed(process.execPath, ingestArgs);
};
writeSyntheticCorpus(join(work, 'src-1'), 1, paragraphs);
const fixedRuns = [1, 2, 3].map((n) => oneCoreIngest(join(work, 'src-1'), join(work, `corpus-1-${n}`)).seconds).sort((a, b) => a - b);
const fixedSeconds = fixedRuns[1]!;
console.log(`fixed cost of an ingest run (one document, one core, median of 3): ${fmt(fixedSeconds)} s\n`);

for (const size of sizes) {
  const src = join(work, `src-${size}`);
  const oneCore = join(work, `corpus-${size}-1core`);
  const corpus = join(work, `corpus-${size}`);
  const bytes = writeSyntheticCorpus(src, size, paragraphs);
  const mb = bytes / 1e6;
  // The one-core corpus stays until the bench ends: deleting its files here made the next ingest pay
  // for them. ext4 does not hand out an inode freed in the last minutes while it can find another,
  // and tests each free one it passes (10,000 files written just after 10,000 were deleted took
  // 4 s of system time instead of 0.6 s), so --jobs auto was measured slower than one core.
  const fileCreateUs = probeFileCreation(join(work, `probe-${size}`));
  const single = oneCoreIngest(src, oneCore);
  const all = timed(process.execPath, [BIN, 'ingest', src, '--corpus', corpus, '--format', 'json', '--jobs', 'auto']);
  // The index ingest left behind answers overlap and coverage; then the same with it rebuilt from the
  // files. Files changed within 2 s of the index being written are read again by the next run (the
  // index's racy-file rule): the first run, 2 s after ingest, reads the last files ingest wrote and
  // saves the index; the runs after it are what a CI job sees on a corpus it did not just write.
  spawnSync('sleep', ['2.1']);
  const overlap = timed(process.execPath, [BIN, 'overlap', '--corpus', corpus]);
  const overlapMs = median(process.execPath, [BIN, 'overlap', '--corpus', corpus], 3);
  const overlapJsonMs = median(process.execPath, [BIN, 'overlap', '--corpus', corpus, '--format', 'json'], 3);
  const coverageMs = median(process.execPath, [BIN, 'coverage', '--corpus', corpus, '--require', 'all'], 3);
  // Peak memory of the runs after the first (from an index with nothing to read again).
  const overlapAgain = timed(process.execPath, [BIN, 'overlap', '--corpus', corpus]);
  const overlapJsonAgain = timed(process.execPath, [BIN, 'overlap', '--corpus', corpus, '--format', 'json']);
  const coverageAgain = timed(process.execPath, [BIN, 'coverage', '--corpus', corpus, '--require', 'all']);
  // The same inputs ingested again, every one unchanged: what a CI job that ingests on every change pays.
  const again = timed(process.execPath, [BIN, 'ingest', src, '--corpus', corpus, '--format', 'json', '--jobs', 'auto']);
  rmSync(CACHE, { recursive: true, force: true });
  const rebuilt = timed(process.execPath, [BIN, 'overlap', '--corpus', corpus]);
  const rg = hasRipgrep ? timed('rg', ['--count-matches', '--ignore-case', '--fixed-strings', '--word-regexp', '-f', termsFile, src]) : undefined;
  const naive = size <= 10000 ? timed(process.execPath, [join(ROOT, 'scripts', 'bench', 'naive.mjs'), src, termsFile]) : undefined;
  // refresh after a taxonomy change: the one-core corpus, marked as analysed with another version.
  // Up to 10,000 documents (it rewrites every file, one flush each: minutes at 100,000).
  const refresh = size <= 10000 ? (markStale(oneCore), timed(process.execPath, [BIN, 'refresh', '--corpus', oneCore, '--format', 'json'])) : undefined;
  const row = {
    documents: size,
    megabytes: mb,
    fileCreateMicroseconds: fileCreateUs,
    ingestOneCoreSeconds: single.seconds,
    ingestOneCoreMBps: mb / single.seconds,
    ingestOneCorePeakMb: single.maxRssMb,
    msPerDocumentOneCore: (1000 * single.seconds) / size,
    marginalMsPerDocumentOneCore: (1000 * (single.seconds - fixedSeconds)) / size,
    ingestSeconds: all.seconds,
    ingestMBps: mb / all.seconds,
    ingestDocsPerSecond: size / all.seconds,
    ingestPeakMb: all.maxRssMb,
    ingestCoresBusy: all.cpuSeconds / all.seconds,
    reingestSeconds: again.seconds,
    reingestPeakMb: again.maxRssMb,
    firstOverlapMs: 1000 * overlap.seconds,
    overlapMs,
    overlapJsonMs,
    overlapPeakMb: overlap.maxRssMb,
    overlapAgainPeakMb: overlapAgain.maxRssMb,
    overlapJsonPeakMb: overlapJsonAgain.maxRssMb,
    coverageMs,
    coveragePeakMb: coverageAgain.maxRssMb,
    overlapRebuiltSeconds: rebuilt.seconds,
    overlapRebuiltPeakMb: rebuilt.maxRssMb,
    ripgrepSeconds: rg ? rg.seconds : NaN,
    naiveSeconds: naive ? naive.seconds : NaN,
    refreshSeconds: refresh ? refresh.seconds : NaN,
    refreshPeakMb: refresh ? refresh.maxRssMb : NaN,
    failures: [single, all, again, overlap, overlapAgain, overlapJsonAgain, rebuilt, ...(refresh ? [refresh] : [])].filter((r) => r.status !== 0).length,
  };
  rows.push(row);
  console.log(`${size} documents, ${fmt(mb, 1)} MB`);
  console.log(`  creating a 4 KB file on the bench's disk just before (written and renamed, as the store does, without its flush): ${fmt(fileCreateUs, 0)} µs`);
  console.log(`  ingest, one core (--jobs 1${hasTaskset ? ', taskset -c 0' : ''}): ${fmt(single.seconds)} s = ${fmt(row.ingestOneCoreMBps)} MB/s, ${fmt(size / single.seconds, 0)} documents/s, ${fmt(row.msPerDocumentOneCore)} ms/document, peak ${fmt(single.maxRssMb, 0)} MB${target('≥ 5 MB/s on one core; peak ≤ 300 MB')}`);
  console.log(`  ingest, all ${cpus().length} cores (--jobs auto): ${fmt(all.seconds)} s = ${fmt(row.ingestMBps)} MB/s, ${fmt(row.ingestDocsPerSecond, 0)} documents/s, peak ${fmt(all.maxRssMb, 0)} MB, ${fmt(row.ingestCoresBusy, 1)} cores busy on average${target('peak ≤ 300 MB')}`);
  console.log(`  ingest again, every input unchanged (--jobs auto): ${fmt(again.seconds)} s, peak ${fmt(again.maxRssMb, 0)} MB${target('peak ≤ 300 MB')}`);
  console.log(`  overlap: ${fmt(overlapMs, 0)} ms (json ${fmt(overlapJsonMs, 0)} ms), coverage ${fmt(coverageMs, 0)} ms, peak ${fmt(overlapAgain.maxRssMb, 0)} MB (json ${fmt(overlapJsonAgain.maxRssMb, 0)} MB) and ${fmt(coverageAgain.maxRssMb, 0)} MB${target('≤ 1 s at 100,000; peak ≤ 300 MB')}`);
  console.log(`  first overlap after ingest (reads again the files written in ingest's last 2 s): ${fmt(1000 * overlap.seconds, 0)} ms, peak ${fmt(overlap.maxRssMb, 0)} MB`);
  console.log(`  overlap with the index rebuilt from the files (a fresh clone): ${fmt(rebuilt.seconds)} s, peak ${fmt(rebuilt.maxRssMb, 0)} MB`);
  if (rg) console.log(`  matching floor, ripgrep counting the same terms in the same files: ${fmt(rg.seconds)} s (aipolicy ingest on one core takes ${fmt(single.seconds / rg.seconds, 1)}× as long)`);
  if (naive) console.log(`  naive natural tokenizer + stemmer, no cache, matching only: ${fmt(naive.seconds)} s (aipolicy ingest on one core, doing far more, takes ${fmt(single.seconds / naive.seconds, 2)}× as long)`);
  if (refresh) console.log(`  refresh of every document after a taxonomy change: ${fmt(refresh.seconds)} s, ${fmt((1000 * refresh.seconds) / size)} ms/document, peak ${fmt(refresh.maxRssMb, 0)} MB${target('peak ≤ 300 MB')}`);
  if (row.failures > 0) console.log(`  WARNING: ${row.failures} run(s) exited with an error`);
  // Nothing is deleted until the end (see the one-core corpus above): at 100,000 documents the work
  // folder holds about 1.5 GB.
}

const first = rows[0]!;
const last = rows[rows.length - 1]!;
const change = (key: 'msPerDocumentOneCore' | 'marginalMsPerDocumentOneCore') => `${fmt((100 * (last[key]! - first[key]!)) / first[key]!, 0)}% from ${first.documents} to ${last.documents}`;
console.log(`\ncost per document on one core, whole run: ${rows.map((r) => `${r.documents}: ${fmt(r.msPerDocumentOneCore)} ms`).join(', ')}; ${change('msPerDocumentOneCore')}`);
console.log(`cost per document on one core, fixed cost (${fmt(fixedSeconds)} s) taken off: ${rows.map((r) => `${r.documents}: ${fmt(r.marginalMsPerDocumentOneCore)} ms`).join(', ')}; ${change('marginalMsPerDocumentOneCore')}`);
// The cost of each further document: the time a larger corpus takes over the next smaller one, per added document.
const steps = rows.slice(1).map((r, i) => {
  const before = rows[i]!;
  return { from: before.documents, to: r.documents, ms: (1000 * (r.ingestOneCoreSeconds! - before.ingestOneCoreSeconds!)) / (r.documents! - before.documents!) };
});
if (steps.length > 0) {
  const spread = steps.length > 1 ? `; ${fmt((100 * (steps[steps.length - 1]!.ms - steps[0]!.ms)) / steps[0]!.ms, 0)}% from the first step to the last` : '';
  console.log(`cost of each further document on one core: ${steps.map((s) => `${s.from} → ${s.to}: ${fmt(s.ms)} ms`).join(', ')}${spread}${target('flat within 20%')}`);
}
console.log(`peak memory at ${last.documents} documents: ingest ${fmt(last.ingestOneCorePeakMb, 0)} MB on one core, ${fmt(last.ingestPeakMb, 0)} MB on all cores; overlap ${fmt(last.overlapAgainPeakMb, 0)} MB (json ${fmt(last.overlapJsonPeakMb, 0)} MB; ${fmt(last.overlapPeakMb, 0)} MB the first run after ingest), coverage ${fmt(last.coveragePeakMb, 0)} MB${target('≤ 300 MB at 100,000')}`);

const bare = median(process.execPath, ['-e', ''], 15);
const help = median(process.execPath, [BIN, '--help'], 15);
timed(process.execPath, [BIN, 'overlap', '--corpus', join(ROOT, 'corpus')]);
const sample = median(process.execPath, [BIN, 'overlap', '--corpus', join(ROOT, 'corpus')], 15);
const sampleJson = median(process.execPath, [BIN, 'overlap', '--corpus', join(ROOT, 'corpus'), '--format', 'json'], 15);
console.log(`\nstart-up (median of 15): node -e '' ${fmt(bare, 0)} ms; aipolicy --help ${fmt(help, 0)} ms (${fmt(help / bare, 2)}×)${target('≤ 2×')}`);
console.log(`aipolicy overlap on the sample corpus: ${fmt(sample, 0)} ms (json ${fmt(sampleJson, 0)} ms)${target('≤ 100 ms')}`);

mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench-results', 'bench.json'),
  `${JSON.stringify({ machine, cpu: cpus()[0]?.model, cores: cpus().length, node: process.version, rows, fixedIngestSeconds: fixedSeconds, startup: { bareMs: bare, helpMs: help, sampleOverlapMs: sample, sampleOverlapJsonMs: sampleJson } }, null, 2)}\n`,
);
console.log('\nwritten: bench-results/bench.json');
if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept: ${work}`);
