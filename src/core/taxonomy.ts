// The taxonomy as data: validated here, compiled into matchers in core/lexicon.ts.
import { createHash } from 'node:crypto';
import { TaxonomyError } from '../errors.js';
import { buildCalibration, type Calibration } from './calibration.js';

/** Languages every concept must be rendered in. */
export const TAXONOMY_LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type TaxonomyLanguage = (typeof TAXONOMY_LANGUAGES)[number];

/** Languages a concept may add terms in without being required to (Luxembourgish). */
export const EXTRA_LANGUAGES = ['lb'] as const;
export type ExtraLanguage = (typeof EXTRA_LANGUAGES)[number];

/** One concept of a theme, rendered in each language. */
export interface Concept {
  id: string;
  /** 0 < weight ≤ 1: how much one occurrence says the passage is about the theme. */
  weight: number;
  /** Themes that may legitimately claim the same terms (e.g. health data: healthcare and data). */
  ambiguous: string[];
  /** `ai`: the terms count only in a passage that is about AI (regulation, risks, oversight in general). */
  context?: 'ai';
  /** Weight in a passage about AI, when it differs (government named where AI is used: public services). */
  aiWeight?: number;
  terms: Record<TaxonomyLanguage, string[]>;
  /** Optional terms in languages outside the parity check (Luxembourgish: matched with the German stemmer). */
  extra: Partial<Record<ExtraLanguage, string[]>>;
}

/** A theme of the fixed taxonomy. */
export interface Theme {
  id: string;
  label: string;
  scope: string;
  concepts: Concept[];
}

/** Words that change how a match counts, per language. */
export interface Cues {
  /** Markers after which a term is an example ("such as", "zoals"). */
  examples: Record<TaxonomyLanguage, string[]>;
  /** Words that join the items of an enumeration. */
  conjunctions: Record<TaxonomyLanguage, string[]>;
  /** Phrases that contain theme words but belong to no theme (machine learning, en train de). */
  neutral: Record<TaxonomyLanguage, string[]>;
  /** Words that open an office title ("Minister van … en Klimaat"): theme words in a title are not the subject. */
  offices: Record<TaxonomyLanguage, string[]>;
  /** Words that, capitalised inside a sentence, name a government as the body that decides ("the Walloon Government"): counted as a title. */
  executives: Record<TaxonomyLanguage, string[]>;
  /** Words that make a passage about AI (for concepts with `context: ai`). */
  ai: Record<TaxonomyLanguage, string[]>;
  /** Native words spelt like an English term (French "courses", errands): never read as English loanwords in that language. */
  native: Record<TaxonomyLanguage, string[]>;
}

/** The validated taxonomy, with a version that changes whenever its content does. */
export interface Taxonomy {
  version: string;
  themes: Theme[];
  cues: Cues;
  calibration: Calibration;
}

/** Raw taxonomy files as read from disk: name → parsed YAML. */
export interface TaxonomySource {
  index: unknown;
  themes: Array<{ name: string; data: unknown }>;
  cues: unknown;
  calibration: unknown;
}

/** Bumped when the tagging algorithm changes, so stored analyses are recomputed. */
export const TAGGER_VERSION = 3;

/** A problem `aipolicy taxonomy --check` reports (the taxonomy still loads). */
export interface TaxonomyProblem {
  theme: string;
  concept?: string;
  message: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Returns the validated taxonomy; throws TaxonomyError naming the file and field when it is malformed. */
export function buildTaxonomy(source: TaxonomySource): Taxonomy {
  const index = asRecord(source.index, 'taxonomy.yml');
  const version = asString(index['version'], 'taxonomy.yml: version');
  const order = asStringList(index['themes'], 'taxonomy.yml: themes');
  const byId = new Map<string, Theme>();
  for (const { name, data } of source.themes) {
    const theme = parseTheme(data, name);
    if (byId.has(theme.id)) throw new TaxonomyError(`${name}: duplicate theme id "${theme.id}"`);
    byId.set(theme.id, theme);
  }
  const themes = order.map((id) => {
    const theme = byId.get(id);
    if (!theme) throw new TaxonomyError(`taxonomy.yml lists theme "${id}" but there is no themes/${id}.yml`);
    return theme;
  });
  for (const id of byId.keys()) {
    if (!order.includes(id)) throw new TaxonomyError(`themes/${id}.yml is not listed in taxonomy.yml`);
  }
  const themeIds = new Set(order);
  for (const theme of themes) {
    for (const concept of theme.concepts) {
      for (const other of concept.ambiguous) {
        if (!themeIds.has(other)) {
          throw new TaxonomyError(`themes/${theme.id}.yml: concept "${concept.id}" names unknown theme "${other}"`);
        }
      }
    }
  }
  const cues = parseCues(source.cues);
  const calibration = buildCalibration(source.calibration, order);
  const hash = createHash('sha256')
    .update(JSON.stringify({ tagger: TAGGER_VERSION, themes, cues, calibration }))
    .digest('hex')
    .slice(0, 10);
  return { version: `${version}+${hash}`, themes, cues, calibration };
}

/** Returns every parity and clash problem: a concept missing a language, a term claimed by two themes. */
export function checkTaxonomy(taxonomy: Taxonomy): TaxonomyProblem[] {
  const problems: TaxonomyProblem[] = [];
  const seenConcepts = new Set<string>();
  const claims = new Map<string, { theme: string; concept: Concept }>();
  for (const theme of taxonomy.themes) {
    for (const concept of theme.concepts) {
      const key = `${theme.id}/${concept.id}`;
      if (seenConcepts.has(key)) {
        problems.push({ theme: theme.id, concept: concept.id, message: 'duplicate concept id' });
      }
      seenConcepts.add(key);
      for (const language of TAXONOMY_LANGUAGES) {
        if (concept.terms[language].length === 0) {
          problems.push({ theme: theme.id, concept: concept.id, message: `no ${language} term` });
        }
        for (const term of concept.terms[language]) {
          const termKey = `${language}:${term.toLowerCase()}`;
          const previous = claims.get(termKey);
          if (previous && previous.theme !== theme.id) {
            const allowed = concept.ambiguous.includes(previous.theme) || previous.concept.ambiguous.includes(theme.id);
            if (!allowed) {
              problems.push({
                theme: theme.id,
                concept: concept.id,
                message: `${language} term "${term}" is also claimed by ${previous.theme}/${previous.concept.id} (mark the concept ambiguous if both are meant)`,
              });
            }
          } else if (!previous) {
            claims.set(termKey, { theme: theme.id, concept });
          }
        }
      }
    }
  }
  return problems;
}

function parseTheme(data: unknown, name: string): Theme {
  const record = asRecord(data, name);
  const id = asString(record['id'], `${name}: id`);
  if (!ID.test(id)) throw new TaxonomyError(`${name}: id "${id}" is not kebab-case`);
  const conceptsRaw = record['concepts'];
  if (!Array.isArray(conceptsRaw) || conceptsRaw.length === 0) {
    throw new TaxonomyError(`${name}: concepts must be a non-empty list`);
  }
  return {
    id,
    label: asString(record['label'], `${name}: label`),
    scope: asString(record['scope'], `${name}: scope`),
    concepts: conceptsRaw.map((c, i) => parseConcept(c, `${name}: concepts[${i}]`)),
  };
}

function parseConcept(data: unknown, where: string): Concept {
  const record = asRecord(data, where);
  const id = asString(record['id'], `${where}.id`);
  if (!ID.test(id)) throw new TaxonomyError(`${where}: id "${id}" is not kebab-case`);
  const weight = record['weight'] === undefined ? 1 : record['weight'];
  if (typeof weight !== 'number' || !(weight > 0 && weight <= 1)) {
    throw new TaxonomyError(`${where} (${id}): weight must be a number in (0, 1]`);
  }
  const ambiguous = record['ambiguous'] === undefined ? [] : asStringList(record['ambiguous'], `${where}.ambiguous`);
  const context = record['context'];
  if (context !== undefined && context !== 'ai') throw new TaxonomyError(`${where} (${id}): context must be "ai"`);
  const aiWeight = record['ai_weight'];
  if (aiWeight !== undefined && (typeof aiWeight !== 'number' || !(aiWeight > 0 && aiWeight <= 1))) {
    throw new TaxonomyError(`${where} (${id}): ai_weight must be a number in (0, 1]`);
  }
  const terms = {} as Record<TaxonomyLanguage, string[]>;
  for (const language of TAXONOMY_LANGUAGES) {
    const list = record[language] === undefined ? [] : asStringList(record[language], `${where}.${language}`);
    for (const term of list) validateTerm(term, `${where} (${id}).${language}`);
    terms[language] = list;
  }
  const extra: Partial<Record<ExtraLanguage, string[]>> = {};
  for (const language of EXTRA_LANGUAGES) {
    if (record[language] === undefined) continue;
    const list = asStringList(record[language], `${where}.${language}`);
    for (const term of list) validateTerm(term, `${where} (${id}).${language}`);
    extra[language] = list;
  }
  return {
    id,
    weight,
    ambiguous,
    ...(context === 'ai' ? { context: 'ai' as const } : {}),
    ...(typeof aiWeight === 'number' ? { aiWeight } : {}),
    terms,
    extra,
  };
}

/** Term syntax: words (matched by stem and form); `=word` form only; `prefix*`, `*suffix`, `*infix*` compound parts; a capital inside a word (NIS2) = as written. */
function validateTerm(term: string, where: string): void {
  if (term.trim() !== term || term === '') throw new TaxonomyError(`${where}: empty or padded term "${term}"`);
  const core = term.replace(/^[*=]/, '').replace(/\*$/, '');
  if (term.startsWith('=') && term.endsWith('*')) throw new TaxonomyError(`${where}: "=" and "*" do not combine in "${term}"`);
  if (core.includes('*')) throw new TaxonomyError(`${where}: "*" only at the start or end of "${term}"`);
  if (term.includes('*') && (/\s/.test(core) || core.length < 4)) {
    throw new TaxonomyError(`${where}: a compound pattern "${term}" must be one word of 4+ letters`);
  }
  if (!/^[\p{L}\p{N}][\p{L}\p{N} '’-]*$/u.test(core)) throw new TaxonomyError(`${where}: bad characters in "${term}"`);
}

function parseCues(data: unknown): Cues {
  const record = asRecord(data, 'cues.yml');
  const section = (name: string, optional = false): Record<TaxonomyLanguage, string[]> => {
    const raw = optional && record[name] === undefined ? {} : asRecord(record[name], `cues.yml: ${name}`);
    const out = {} as Record<TaxonomyLanguage, string[]>;
    for (const language of TAXONOMY_LANGUAGES) {
      out[language] = raw[language] === undefined ? [] : asStringList(raw[language], `cues.yml: ${name}.${language}`);
    }
    return out;
  };
  const neutral = section('neutral');
  for (const language of TAXONOMY_LANGUAGES) {
    for (const term of neutral[language]) validateTerm(term, `cues.yml: neutral.${language}`);
  }
  // Older cue files have no native words or executives: none then.
  const native = section('native', true);
  const executives = section('executives', true);
  return { examples: section('examples'), conjunctions: section('conjunctions'), neutral, offices: section('offices'), executives, ai: section('ai'), native };
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TaxonomyError(`${where}: expected a mapping`);
  }
  return value as Record<string, unknown>;
}

function asString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new TaxonomyError(`${where}: expected a non-empty string`);
  return value;
}

function asStringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new TaxonomyError(`${where}: expected a list of strings`);
  }
  return value as string[];
}
