import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, makeTempDir, runCli } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

describe('exit codes and usage', () => {
  it('0: --help and --version', () => {
    expect(runCli(['--help']).code).toBe(0);
    const version = runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('2: an unknown option is a usage error on stderr', () => {
    const run = runCli(['overlap', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("aipolicy: unknown option '--bogus'");
  });

  it('2: an unknown format', () => {
    const run = runCli(['list', '--format', 'yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown format "yaml" (use table, json)');
  });

  it('2: a bad --by value', () => {
    expect(runCli(['overlap', '--by', 'planet']).code).toBe(2);
  });

  it('3: a broken taxonomy is an internal error with a stack trace', () => {
    const taxonomy = join(dir, 'taxonomy');
    mkdirSync(join(taxonomy, 'themes'), { recursive: true });
    writeFileSync(join(taxonomy, 'taxonomy.yml'), 'version: 1.0.0\nthemes: [data]\n');
    writeFileSync(join(taxonomy, 'cues.yml'), 'examples: {}\nconjunctions: {}\nneutral: {}\noffices: {}\nai: {}\n');
    cpSync(join(ROOT, 'taxonomy', 'calibration.yml'), join(taxonomy, 'calibration.yml'));
    writeFileSync(join(taxonomy, 'themes', 'data.yml'), 'id: data\nlabel: Data\nscope: x\nconcepts: not-a-list\n');
    const run = runCli(['taxonomy', '--dir', taxonomy]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('aipolicy: taxonomy: themes/data.yml: concepts must be a non-empty list');
    expect(run.stderr).toContain('at ');
  });
});

describe('aipolicy taxonomy', () => {
  it('shows eight themes with term counts per language', () => {
    const run = runCli(['taxonomy', '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.themes.map((t: { id: string }) => t.id)).toEqual([
      'trustworthy-ai', 'cybersecurity', 'healthcare', 'mobility', 'environment', 'skills', 'public-services', 'data',
    ]);
    for (const theme of json.themes) for (const lang of ['nl', 'fr', 'de', 'en']) expect(theme.terms[lang]).toBeGreaterThan(5);
  });

  it('--check passes on the shipped taxonomy', () => {
    const run = runCli(['taxonomy', '--check']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('OK every concept has terms in nl, fr, de and en');
  });

  it('--check exits 1 when a concept lacks a language', () => {
    const taxonomy = join(dir, 'taxonomy');
    cpSync(join(ROOT, 'taxonomy'), taxonomy, { recursive: true });
    writeFileSync(
      join(taxonomy, 'themes', 'data.yml'),
      'id: data\nlabel: Data\nscope: x\nconcepts:\n  - id: open-data\n    nl: [open data]\n    fr: [données ouvertes]\n    en: [open data]\n',
    );
    const run = runCli(['taxonomy', '--check', '--dir', taxonomy]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('data/open-data: no de term');
  });
});
