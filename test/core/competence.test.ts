import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildCoverage, buildGaps } from '../../src/core/compare.js';
import { buildGapMarker, parseCompetence } from '../../src/core/competence.js';
import { readCompetence } from '../../src/io/read-competence.js';
import type { ComparedDocument } from '../../src/model.js';
import { ROOT } from '../helpers/cli.js';

const THEMES = ['trustworthy-ai', 'cybersecurity', 'healthcare', 'mobility', 'environment', 'skills', 'public-services', 'data'];
const raw = yaml.load(readFileSync(join(ROOT, 'taxonomy', 'competence.yml'), 'utf8'), { schema: yaml.CORE_SCHEMA });

describe('taxonomy/competence.yml', () => {
  const { competence, problems } = parseCompetence(raw, THEMES);

  it('is valid: every country lists every theme and level, with a value, a note and sources', () => {
    expect(problems).toEqual([]);
    expect(readCompetence(THEMES)).toEqual(competence);
  });

  it('gives Belgium, the Netherlands and Luxembourg their own levels', () => {
    expect(Object.keys(competence.countries)).toEqual(['BE', 'NL', 'LU']);
    expect(Object.keys(competence.countries['BE']!.levels)).toEqual(['federal', 'regional', 'local']);
    expect(Object.keys(competence.countries['NL']!.levels)).toEqual(['national', 'regional', 'local']);
    expect(competence.countries['NL']!.levels.regional).toMatch(/provinces/);
    expect(competence.countries['NL']!.levels.local).toMatch(/municipalities/);
    expect(Object.keys(competence.countries['LU']!.levels)).toEqual(['national', 'local']);
    expect(competence.countries['LU']!.levels.local).toMatch(/communes/);
  });

  it.each([
    ['BE', 'cybersecurity', 'federal', 'full'],
    ['BE', 'cybersecurity', 'regional', 'none'],
    ['BE', 'mobility', 'regional', 'full'],
    ['BE', 'environment', 'regional', 'full'],
    ['BE', 'skills', 'regional', 'full'],
    ['BE', 'healthcare', 'federal', 'partial'],
    ['BE', 'healthcare', 'regional', 'partial'],
    ['NL', 'cybersecurity', 'local', 'none'],
    ['LU', 'healthcare', 'local', 'none'],
  ] as const)('%s %s: %s is %s', (country, theme, level, value) => {
    expect(competence.countries[country]!.themes[theme]!.levels[level]).toBe(value);
  });

  it('cites the Belgian Constitution and the special law of 8 August 1980 for the Belgian split', () => {
    const be = Object.values(competence.countries['BE']!.themes).flatMap((t) => t.sources);
    expect(be.some((s) => /Belgian Constitution, art\. 127/.test(s))).toBe(true);
    expect(be.filter((s) => /Special Law of 8 August 1980 on institutional reform/.test(s)).length).toBeGreaterThanOrEqual(5);
  });

  it('reports what is wrong in a broken file', () => {
    const broken = {
      version: 1,
      countries: {
        BE: { levels: { federal: 'x', provincial: 'y' }, themes: { mobility: { levels: { federal: 'most' }, note: '', sources: ['Law', { 'Constitution (Regions': 'x' }] }, space: {} } },
      },
    };
    const found = parseCompetence(broken, ['mobility', 'data']).problems;
    expect(found).toEqual([
      'countries.BE.levels: "provincial" is not one of eu, benelux, national, federal, regional, local',
      'countries.BE.themes: no entry for data',
      'countries.BE.themes.mobility.levels.federal: must be one of full, partial, none',
      'countries.BE.themes.mobility.sources: every source must be one line of text (quote it if it contains ": ")',
      'countries.BE.themes.mobility.approximate: must be true or false',
      'countries.BE.themes.mobility: needs a note',
      'countries.BE.themes: unknown theme "space"',
    ]);
  });
});

describe('gaps marked with competences', () => {
  const competence = readCompetence(THEMES);
  const doc = (id: string, level: ComparedDocument['meta']['level'], country: string[], themes: string[]): ComparedDocument => ({
    id,
    meta: { level, country },
    language: 'nl',
    themes: themes.map((t) => ({ id: t, score: 0.9 })),
  });
  const docs = [
    doc('be-fed', 'federal', ['BE'], ['cybersecurity', 'skills', 'healthcare']),
    doc('be-reg', 'regional', ['BE'], ['mobility', 'environment']),
    doc('nl-nat', 'national', ['NL'], ['mobility']),
    doc('nl-loc', 'local', ['NL'], ['public-services']),
    doc('eu', 'eu', ['EU'], ['data']),
  ];
  const coverage = buildCoverage(docs, THEMES, 'level');
  const report = buildGaps(coverage, buildGapMarker({ documents: docs, competence, minDocs: 1, minScore: 0 }), competence.version);
  const detail = (from: string, to: string, theme: string) => report.gaps.find((g) => g.from === from && g.to === to)!.details.find((d) => d.theme === theme)!;

  it.each([
    ['federal', 'regional', 'cybersecurity', 'not competent', /BE regional: Federal: the Centre for Cybersecurity Belgium/],
    ['regional', 'federal', 'mobility', 'real gap', /competent: BE federal \(partial\)/],
    ['federal', 'regional', 'skills', 'covered by a higher level', /^be-fed$/],
    ['federal', 'regional', 'healthcare', 'covered by a higher level', /^be-fed$/],
    ['national', 'local', 'mobility', 'covered by a higher level', /^nl-nat$/],
    ['eu', 'local', 'data', 'real gap', /competent: NL local \(partial\)/],
    ['eu', 'federal', 'data', 'real gap', /competent: BE federal \(full\)/],
    ['regional', 'eu', 'mobility', 'real gap', /no competence recorded for eu in EU/],
  ])('%s → %s, %s: %s', (from, to, theme, status, reason) => {
    expect(detail(from, to, theme).status).toBe(status);
    expect(detail(from, to, theme).reason).toMatch(reason);
  });

  it('counts only real gaps as such and keeps the plain theme list', () => {
    const gap = report.gaps.find((g) => g.from === 'federal' && g.to === 'regional')!;
    expect(gap.themes).toEqual(['cybersecurity', 'healthcare', 'skills']);
    expect(gap.details.map((d) => d.status)).toEqual(['not competent', 'covered by a higher level', 'covered by a higher level']);
    expect(report.competenceVersion).toBe('1');
  });
});
