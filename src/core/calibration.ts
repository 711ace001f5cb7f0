// From evidence to a probability: a small logistic model over a handful of interpretable features.
// Its coefficients are data (taxonomy/calibration.yml), fitted on the development set by
// `npm run train`; the terms behind every score stay visible as evidence.
import { TaxonomyError } from '../errors.js';
import type { PassageEvidence, ThemeEvidence } from './evidence.js';

/** Passages up to this many words count their evidence fully; longer ones are diluted. */
const DENSITY_WORDS = 80;
/** Length range the length feature is clamped to (the development passages' range). */
const MIN_WORDS = 40;
const MAX_WORDS = 250;

/** The features, in the order of the calibration's weights. */
export const FEATURES = [
  'strength',
  'density-strength',
  'max-weight',
  'concepts',
  'log-matches',
  'share',
  'top',
  'discounted',
  'log-length',
  'near-ai',
  'lead',
] as const;

/** Fitted coefficients: one weight per feature, one intercept per theme. */
export interface Calibration {
  weights: Record<(typeof FEATURES)[number], number>;
  intercepts: Record<string, number>;
}

/** Returns the feature vector of one theme's evidence within its passage. */
export function themeFeatures(evidence: ThemeEvidence, passage: PassageEvidence): number[] {
  const density = passage.words <= DENSITY_WORDS ? 1 : Math.sqrt(DENSITY_WORDS / passage.words);
  const total = passage.themes.reduce((sum, t) => sum + t.strength, 0);
  const best = Math.max(...passage.themes.map((t) => t.strength));
  return [
    evidence.strength,
    evidence.strength * density,
    Math.max(...evidence.matches.map((m) => m.weight)),
    Math.min(evidence.concepts.length, 5),
    Math.log1p(evidence.matches.length),
    total === 0 ? 0 : evidence.strength / total,
    evidence.strength === best ? 1 : 0,
    evidence.rawStrength === 0 ? 0 : 1 - evidence.strength / evidence.rawStrength,
    // The calibration was fitted on passages of 30 to 200 words: outside, length says nothing more.
    Math.log(Math.min(Math.max(passage.words, MIN_WORDS), MAX_WORDS) / DENSITY_WORDS),
    evidence.nearAi ? 1 : 0,
    evidence.lead ? 1 : 0,
  ];
}

/** Returns the probability, between 0 and 1, that the passage is about the theme. */
export function scoreFeatures(calibration: Calibration, theme: string, features: number[]): number {
  let z = calibration.intercepts[theme] ?? 0;
  FEATURES.forEach((name, i) => {
    z += calibration.weights[name] * features[i]!;
  });
  return 1 / (1 + Math.exp(-z));
}

/** Returns a validated calibration; throws TaxonomyError when it does not fit the taxonomy. */
export function buildCalibration(data: unknown, themes: string[]): Calibration {
  if (typeof data !== 'object' || data === null) throw new TaxonomyError('calibration.yml: expected a mapping');
  const record = data as Record<string, unknown>;
  const weights = record['weights'] as Record<string, unknown> | undefined;
  const intercepts = record['intercepts'] as Record<string, unknown> | undefined;
  if (!weights || !intercepts) throw new TaxonomyError('calibration.yml: needs weights and intercepts');
  for (const name of FEATURES) {
    if (typeof weights[name] !== 'number' || !Number.isFinite(weights[name])) {
      throw new TaxonomyError(`calibration.yml: weights.${name} must be a number`);
    }
  }
  for (const theme of themes) {
    if (typeof intercepts[theme] !== 'number') throw new TaxonomyError(`calibration.yml: intercepts.${theme} must be a number`);
  }
  return { weights: weights as Calibration['weights'], intercepts: intercepts as Record<string, number> };
}
