#!/usr/bin/env node
// Part of `npm run build`: writes dist/data/eld-ngrams.json, the n-grams of eld's smallest data set
// (eld/extrasmall) that score one of our four languages, each with the scores of those languages
// only. eld adds up each language's n-gram scores on its own, so on nl, fr, de and en this subset
// gives the same scores as the whole set (test/core/language.test.ts compares them), and it loads
// in a tenth of the time and memory: eld's module builds 49,000 n-grams for 60 languages (about
// 0.4 s and 87 MB of RSS in every process and worker thread that detects languages).
// src/core/language.ts falls back to the whole set when this file is missing.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const LANGUAGES = ['nl', 'fr', 'de', 'en'];
const out = fileURLToPath(new URL('../dist/data/eld-ngrams.json', import.meta.url));

// eld exports only its entry points; its data module sits next to them in the package.
const entry = import.meta.resolve('eld/extrasmall');
const { ngramsData } = await import(new URL('../ngrams/extrasmall.js', entry).href);

const ids = new Set(Object.entries(ngramsData.languages).filter(([, code]) => LANGUAGES.includes(code)).map(([id]) => id));
if (ids.size !== LANGUAGES.length) throw new Error(`eld's data set lacks one of ${LANGUAGES.join(', ')}`);
const ngrams = {};
for (const [ngram, scores] of Object.entries(ngramsData.ngrams)) {
  let kept;
  for (const id of Object.keys(scores)) {
    if (ids.has(id)) (kept ??= {})[id] = scores[id];
  }
  if (kept !== undefined) ngrams[ngram] = kept;
}

mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.${process.pid}.tmp`, JSON.stringify({ type: ngramsData.type, languages: ngramsData.languages, ngrams }));
renameSync(`${out}.${process.pid}.tmp`, out);
