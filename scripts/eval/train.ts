// npm run train: fits the calibration (taxonomy/calibration.yml) on the development set:
// one logistic model over interpretable evidence features, one intercept per theme.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURES, type Calibration } from '../../src/core/calibration.js';
import { mentionsAi } from '../../src/core/context.js';
import type { EvidenceOptions } from '../../src/core/evidence.js';
import { TAXONOMY_LANGUAGES } from '../../src/core/taxonomy.js';
import { detectLanguage } from '../../src/core/language.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { passageFeatures } from '../../src/core/tag.js';
import { loadLexicon } from '../../src/workflows/lexicon.js';
import { loadPassages, ROOT, type DevPassage } from './dataset.js';
import { fitLogistic, type FitOptions, type LogisticModel, type Row } from './logistic.js';

/** Regularisation and optimiser settings, chosen by grouped cross-validation (npm run eval). */
export const FIT: FitOptions = { lambda: 0.2, iterations: 4000, rate: 0.5 };

/** Returns what the tagger would know of a passage's document: whether its page title is about AI. */
export function documentContext(lexicon: Lexicon, passage: DevPassage): EvidenceOptions {
  return { documentAboutAi: TAXONOMY_LANGUAGES.some((l) => mentionsAi(passage.heading, lexicon.cues[l])) };
}

/** Returns the training rows of the passages: one per (passage, theme it mentions). */
export function rowsOf(lexicon: Lexicon, passages: DevPassage[]): Row[] {
  return passages.flatMap((p) =>
    passageFeatures(lexicon, p.text, detectLanguage(p.text), documentContext(lexicon, p)).map((t) => ({
      group: t.theme,
      x: t.features,
      y: p.labels.includes(t.theme) ? (1 as const) : (0 as const),
    })),
  );
}

/** Returns a fitted model as the tagger's calibration. */
export function toCalibration(model: LogisticModel): Calibration {
  return {
    weights: Object.fromEntries(FEATURES.map((name, i) => [name, model.weights[i]!])) as Calibration['weights'],
    intercepts: model.intercepts,
  };
}

function main(): void {
  const lexicon = loadLexicon();
  const themes = lexicon.taxonomy.themes.map((t) => t.id);
  const passages = loadPassages();
  const model = fitLogistic(rowsOf(lexicon, passages), themes, FIT);
  const fmt = (v: number) => Number(v.toFixed(4));
  const weights = FEATURES.map((name, i) => `${name}: ${fmt(model.weights[i]!)}`).join(', ');
  const intercepts = themes.map((t) => `${t}: ${fmt(model.intercepts[t]!)}`).join(', ');
  const text = [
    '# Calibration of the tagger: a logistic model from evidence features to the probability that a',
    '# passage is about a theme (src/core/calibration.ts lists the features). Fitted by `npm run train`',
    `# on the ${passages.length} labelled passages of fixtures/devset (L2 lambda ${FIT.lambda}); do not edit by hand.`,
    `weights: {${weights}}`,
    `intercepts: {${intercepts}}`,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'taxonomy', 'calibration.yml'), text);
  console.log(text);
}

if (process.argv[1]?.endsWith('train.js')) main();
