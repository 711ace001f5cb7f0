// Compiles the taxonomy into per-language matchers and finds taxonomy terms in a passage.
import type { LanguageCode } from '../model.js';
import { compileCues, type CueSet } from './context.js';
import { Memo } from './memo.js';
import { createStemmer, foldDiacritics, type Stemmer } from './stem.js';
import { TAXONOMY_LANGUAGES, type Taxonomy, type TaxonomyLanguage } from './taxonomy.js';

/** Languages with a matcher: the four of the taxonomy, and Luxembourgish (German terms plus its own). */
export type MatchLanguage = TaxonomyLanguage | 'lb';
const MATCH_LANGUAGES: MatchLanguage[] = [...TAXONOMY_LANGUAGES, 'lb'];
import { tokenize, type Token } from './tokens.js';

/** What a term stands for: a concept of a theme, with its weight. */
export interface TermTarget {
  theme: string;
  concept: string;
  weight: number;
  /** Counts only in a passage about AI. */
  needsAi: boolean;
  /** Weight in a passage about AI, when it differs. */
  aiWeight?: number;
}

interface PhraseEntry {
  words: string[];
  targets: TermTarget[];
  /** For stem entries: the folded forms of the terms behind the stems (a match must look like one of them). */
  forms?: string[][];
}

/** The entries that start with one word, split for lookup: by their second word, and the one-word ones. */
interface Bucket {
  /** Entries of two words or more by their second word, longest first. */
  next: Map<string, PhraseEntry[]>;
  /** One-word entries. */
  single: PhraseEntry[];
}

/** Phrase entries by first word, then by second word. */
type PhraseIndex = Map<string, Bucket>;

interface AffixEntry {
  affix: string;
  targets: TermTarget[];
}

interface LanguageMatcher {
  stemmer: Stemmer;
  /** Keyed by the stem of the first word. */
  stems: Map<string, PhraseEntry[]>;
  /** Keyed by the folded form of the first word: catches forms the stemmer treats unevenly. */
  forms: Map<string, PhraseEntry[]>;
  /** Case-sensitive terms (acronyms such as NIS2, CERT, MaaS), keyed by the first word. */
  exact: Map<string, PhraseEntry[]>;
  prefixes: AffixEntry[];
  suffixes: AffixEntry[];
  infixes: AffixEntry[];
  /** The three maps above as lookup indexes (built once the lexicon is compiled). */
  index: { stems: PhraseIndex; forms: PhraseIndex; exact: PhraseIndex };
  /** The first words of the case-sensitive entries, lowercased. */
  exactLower: Set<string>;
  /** Folded native words of the language that English terms must not match (see Cues.native). */
  native: Set<string>;
  /** Memo of the words seen in passages (see wordInfo). */
  words: Memo<WordInfo>;
  /** Memo of the hyphenated words seen, joined (see matchJoinedGroup). */
  joined: Memo<JoinedInfo>;
}

/** The compiled taxonomy: one matcher per language, plus English forms for loanwords elsewhere. */
export interface Lexicon {
  taxonomy: Taxonomy;
  matchers: Record<MatchLanguage, LanguageMatcher>;
  /** English terms by folded surface form, matched in passages of every language. */
  english: Map<string, PhraseEntry[]>;
  englishIndex: PhraseIndex;
  /** The cues of each language, compiled once. */
  cues: Record<TaxonomyLanguage, CueSet>;
}

/** A term found in a passage: the token span, the text as written, and what it stands for. */
export interface RawMatch {
  term: string;
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
  targets: TermTarget[];
}

const NEUTRAL: TermTarget = { theme: '', concept: '', weight: 0, needsAi: false };

/** Returns the compiled lexicon of a taxonomy (stems computed once per term). */
export function compileLexicon(taxonomy: Taxonomy): Lexicon {
  const matchers = {} as Record<MatchLanguage, LanguageMatcher>;
  for (const language of MATCH_LANGUAGES) {
    matchers[language] = {
      stemmer: createStemmer(language),
      stems: new Map(),
      forms: new Map(),
      exact: new Map(),
      prefixes: [],
      suffixes: [],
      infixes: [],
      index: { stems: new Map(), forms: new Map(), exact: new Map() },
      exactLower: new Set(),
      native: new Set(),
      words: new Memo(WORD_MEMO_SIZE),
      joined: new Memo(WORD_MEMO_SIZE),
    };
  }
  const english = new Map<string, PhraseEntry[]>();
  for (const theme of taxonomy.themes) {
    for (const concept of theme.concepts) {
      const target: TermTarget = {
        theme: theme.id,
        concept: concept.id,
        weight: concept.weight,
        needsAi: concept.context === 'ai',
        ...(concept.aiWeight === undefined ? {} : { aiWeight: concept.aiWeight }),
      };
      for (const term of [...concept.terms.de, ...(concept.extra.lb ?? [])]) addTerm(matchers.lb, term, target);
      for (const language of TAXONOMY_LANGUAGES) {
        const matcher = matchers[language];
        for (const term of concept.terms[language]) {
          addTerm(matcher, term, target);
          if (language === 'en' && !isCaseSensitive(term) && !term.includes('*')) {
            for (const words of englishForms(term.replace(/^=/, ''))) addPhrase(english, words, target);
          }
        }
      }
    }
  }
  // Neutral phrases take their words out of play: "machine learning" is not about skills.
  for (const language of TAXONOMY_LANGUAGES) {
    for (const term of taxonomy.cues.neutral[language]) {
      addTerm(matchers[language], term, NEUTRAL);
      if (language === 'de') addTerm(matchers.lb, term, NEUTRAL);
      if (language === 'en' && !isCaseSensitive(term)) {
        for (const words of englishForms(term.replace(/^=/, ''))) addPhrase(english, words, NEUTRAL);
      }
    }
  }
  for (const language of TAXONOMY_LANGUAGES) {
    for (const word of taxonomy.cues.native[language]) matchers[language].native.add(foldDiacritics(word.toLowerCase()));
  }
  for (const word of taxonomy.cues.native.de) matchers.lb.native.add(foldDiacritics(word.toLowerCase()));
  for (const matcher of Object.values(matchers)) {
    for (const map of [matcher.stems, matcher.forms, matcher.exact]) {
      for (const entries of map.values()) entries.sort((a, b) => b.words.length - a.words.length);
    }
  }
  for (const entries of english.values()) entries.sort((a, b) => b.words.length - a.words.length);
  for (const matcher of Object.values(matchers)) {
    matcher.index = { stems: indexPhrases(matcher.stems), forms: indexPhrases(matcher.forms), exact: indexPhrases(matcher.exact) };
    matcher.exactLower = new Set([...matcher.exact.keys()].map((word) => word.toLowerCase()));
  }
  const cues = {} as Record<TaxonomyLanguage, CueSet>;
  for (const language of TAXONOMY_LANGUAGES) cues[language] = compileCues(taxonomy.cues, language);
  return { taxonomy, matchers, english, englishIndex: indexPhrases(english), cues };
}

/** The `next` of every bucket without entries of two words or more (most of them): one empty map, never written to. */
const NO_LONGER: Map<string, PhraseEntry[]> = new Map();

// A common first word ("data") starts over a hundred English terms: looking up the second word
// first leaves a handful to compare. Each list keeps the longest-first order of the entries.
function indexPhrases(map: Map<string, PhraseEntry[]>): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const [first, entries] of map) {
    let single: PhraseEntry[] = [];
    let next = NO_LONGER;
    for (const entry of entries) {
      if (entry.words.length === 1) {
        single = single.concat([entry]);
        continue;
      }
      if (next === NO_LONGER) next = new Map();
      const second = entry.words[1]!;
      next.set(second, (next.get(second) ?? []).concat([entry]));
    }
    index.set(first, { next, single });
  }
  return index;
}

function addTerm(matcher: LanguageMatcher, term: string, target: TermTarget): void {
  if (term.startsWith('*') && term.endsWith('*')) {
    addAffix(matcher.infixes, foldDiacritics(term.slice(1, -1).toLowerCase()), target);
  } else if (term.endsWith('*')) {
    addAffix(matcher.prefixes, foldDiacritics(term.slice(0, -1).toLowerCase()), target);
  } else if (term.startsWith('*')) {
    addAffix(matcher.suffixes, foldDiacritics(term.slice(1).toLowerCase()), target);
  } else if (term.startsWith('=')) {
    addPhrase(matcher.forms, tokenize(term.slice(1)).map((t) => t.folded), target);
  } else if (isCaseSensitive(term)) {
    const words = tokenize(term).map((t) => t.surface);
    addPhrase(matcher.exact, words, target);
    // Acronyms and names take an s in the plural and the German genitive (CSIRTs, LLMs, des AI Acts).
    const last = words[words.length - 1]!;
    if (/^\p{L}{2,}$/u.test(last) && !/[sS]$/.test(last)) addPhrase(matcher.exact, [...words.slice(0, -1), `${last}s`], target);
  } else {
    const tokens = tokenize(term);
    const stems = tokens.map((t) => matcher.stemmer.stem(t.lower));
    // Porter stems this short collide with everyday words (données → don, Daten → dat): forms only.
    if (stems.every((stem) => stem.length >= MIN_STEM)) addPhrase(matcher.stems, stems, target, tokens.map((t) => t.folded));
    addPhrase(matcher.forms, tokens.map((t) => t.folded), target);
  }
}

const MIN_STEM = 4;

/** Returns true for terms written with a capital after a word's first letter (NIS2, MaaS, AI Act): matched as written. */
export function isCaseSensitive(term: string): boolean {
  return term.split(/[\s-]+/).some((word) => /\p{Lu}/u.test(word.slice(1)));
}

function englishForms(term: string): string[][] {
  const words = tokenize(term).map((t) => t.folded);
  const last = words[words.length - 1]!;
  const plural = last.endsWith('y') ? `${last.slice(0, -1)}ies` : last.endsWith('s') ? `${last}es` : `${last}s`;
  return [words, [...words.slice(0, -1), plural]];
}

// Arrays grown by push keep room for 17 items or more, and most lists here hold one or two: built
// by push, the compiled lexicon took 17 MB of heap in every thread that tags, 9 MB of it spare
// slots. Its lists are built at their exact length instead (concat copies: they stay short).
function addPhrase(map: Map<string, PhraseEntry[]>, words: string[], target: TermTarget, forms?: string[]): void {
  if (words.length === 0) return;
  const key = words[0]!;
  const entries = map.get(key);
  const entry = entries?.find((e) => e.words.length === words.length && e.words.every((w, i) => w === words[i]));
  if (!entry) {
    const added: PhraseEntry = { words, targets: [target], ...(forms ? { forms: [forms] } : {}) };
    map.set(key, entries === undefined ? [added] : entries.concat([added]));
    return;
  }
  if (!entry.targets.some((t) => t.theme === target.theme && t.concept === target.concept)) entry.targets = entry.targets.concat([target]);
  if (forms && entry.forms && !entry.forms.some((f) => f.join(' ') === forms.join(' '))) entry.forms = entry.forms.concat([forms]);
}

/** Share of a term's form that a stem match must also share as a prefix (guards against Porter collisions). */
const FORM_PREFIX = 0.75;

// Porter stems conflate words that only share a root (environnement/environ, données/donne,
// élèves/élevé, training/trains): a stem match also needs the word to start like the term.
function looksLike(entry: PhraseEntry, tokens: Token[], at: number): boolean {
  if (!entry.forms) return true;
  for (const form of entry.forms) {
    let all = true;
    for (let k = 0; k < form.length && all; k++) {
      const word = form[k]!;
      all = commonPrefix(tokens[at + k]?.folded ?? '', word) >= Math.ceil(FORM_PREFIX * word.length);
    }
    if (all) return true;
  }
  return false;
}

/** looksLike for a one-word entry and a word's folded form. */
function looksLikeWord(entry: PhraseEntry, folded: string): boolean {
  return !entry.forms || entry.forms.some((form) => commonPrefix(folded, form[0]!) >= Math.ceil(FORM_PREFIX * form[0]!.length));
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

function addAffix(list: AffixEntry[], affix: string, target: TermTarget): void {
  const same = list.find((e) => e.affix === affix);
  if (same) same.targets.push(target);
  else list.push({ affix, targets: [target] });
}

/** Returns the language whose terms and stemmer apply to a passage (`und` borrows English). */
export function matchingLanguage(language: LanguageCode): MatchLanguage {
  return language === 'und' ? 'en' : language;
}

/** Returns the taxonomy language whose cues apply (Luxembourgish reads German cues). */
export function cueLanguage(language: LanguageCode): TaxonomyLanguage {
  const match = matchingLanguage(language);
  return match === 'lb' ? 'de' : match;
}

/**
 * Returns the taxonomy terms found in a text, longest match first, each token used once.
 * Terms of the passage's language are matched by stem, English terms by form (loanwords).
 */
export function findTerms(lexicon: Lexicon, text: string, language: LanguageCode, tokens: Token[] = tokenize(text)): RawMatch[] {
  const lang = matchingLanguage(language);
  const matcher = lexicon.matchers[lang];
  const english = lang === 'en' ? undefined : lexicon.englishIndex;
  const words = tokens.map((t) => wordInfo(matcher, english, t));
  const matches: RawMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    const grouped = token.groupSize > 1 && token.group === i;
    // Most words match nothing, as a phrase or by affix (once that is known): skip them without the calls below.
    if (!grouped && words[i]!.inert && words[i]!.affixes === null) {
      i += 1;
      continue;
    }
    // A hyphenated word ("cybersécu-rité", "data-economie") is tried whole as a word first …
    const joined = grouped ? matchJoinedGroup(matcher, tokens, i, text, false) : undefined;
    if (joined) {
      matches.push(joined);
      i += token.groupSize;
      continue;
    }
    // … then its parts as a phrase (which may run on past it) …
    const phrase = matchPhraseAt(matcher, tokens, words, i, text);
    if (phrase) {
      // phrase is a new match: it takes its targets without the neutral ones.
      phrase.targets = phrase.targets.filter((t) => t.theme !== '');
      if (phrase.targets.length > 0) matches.push(phrase);
      i = phrase.lastToken + 1;
      continue;
    }
    // … and only then against the compound patterns, whole or word by word.
    const compound = grouped ? matchJoinedGroup(matcher, tokens, i, text, true) : undefined;
    if (compound) {
      matches.push(compound);
      i += token.groupSize;
      continue;
    }
    const targets = affixTargets(matcher, words[i]!);
    if (targets) matches.push(makeMatch(tokens, i, i, targets, text));
    i += 1;
  }
  return matches;
}

/** What the lexicon knows of a word (lowercased): its stem, the entries that start with it, and what it matches alone. Memoised per matcher. */
interface WordInfo {
  /** The matcher that described the word (a Word may outlive a lexicon). */
  matcher: LanguageMatcher;
  stem: string;
  folded: string;
  byStem: Bucket | undefined;
  byForm: Bucket | undefined;
  byEnglish: Bucket | undefined;
  /** Some entry of two words or more starts with this word. */
  longer: boolean;
  /** Targets of the one-word stem and form entries the word matches (in the order a phrase match collects them). */
  single: TermTarget[];
  /** Targets of the one-word English entries it matches. */
  singleEnglish: TermTarget[];
  /** Some case-sensitive entry starts with this word in some spelling. */
  maybeExact: boolean;
  /** Affix targets: undefined until first asked, null when none. */
  affixes: TermTarget[] | null | undefined;
  /** No entry starts with the word in any spelling: most words (one field read for matchPhraseAt). */
  inert: boolean;
  /** What the word matches alone, by stem, form and as an English word, deduplicated: undefined until first asked. */
  alone: TermTarget[] | undefined;
}

/** Words per generation of a matcher's memo (see memo.ts): the words in use stay, however large the vocabulary. */
const WORD_MEMO_SIZE = 10_000;

const DIGITS = /^[0-9]+$/;

function wordInfo(matcher: LanguageMatcher, english: PhraseIndex | undefined, token: Token): WordInfo {
  // A word seen before carries what the matcher of its last passage made of it (see Word in tokens.ts):
  // in a passage of the same language, no lookup by string.
  const word = token.word;
  if (word !== undefined) {
    const carried = word.info as WordInfo | null;
    if (carried !== null && carried.matcher === matcher) return carried;
  }
  // Numbers (years, amounts, article numbers) are their own stem and are rarely seen twice: they
  // are looked up without filling the memo.
  if (DIGITS.test(token.lower)) return describeWord(matcher, english, token, token.lower);
  let info = matcher.words.get(token.lower);
  if (info === undefined) {
    info = describeWord(matcher, english, token, matcher.stemmer.stem(token.lower));
    matcher.words.set(token.lower, info);
  }
  if (word !== undefined) word.info = info;
  return info;
}

function describeWord(matcher: LanguageMatcher, english: PhraseIndex | undefined, token: Token, stem: string): WordInfo {
  const byStem = matcher.index.stems.get(stem);
  const byForm = matcher.index.forms.get(token.folded);
  // A native word spelt like an English term is the native word ("courses" in French: errands).
  const byEnglish = matcher.native.has(token.folded) ? undefined : english?.get(token.folded);
  const single: TermTarget[] = [];
  for (const bucket of [byStem, byForm]) {
    for (const entry of bucket?.single ?? []) if (looksLikeWord(entry, token.folded)) single.push(...entry.targets);
  }
  const longer = [byStem, byForm, byEnglish].some((b) => b !== undefined && b.next.size > 0);
  const singleEnglish = (byEnglish?.single ?? []).flatMap((e) => e.targets);
  const maybeExact = matcher.exactLower.has(token.lower);
  return {
    matcher,
    stem,
    folded: token.folded,
    byStem,
    byForm,
    byEnglish,
    longer,
    single,
    singleEnglish,
    maybeExact,
    affixes: undefined,
    inert: !longer && single.length === 0 && singleEnglish.length === 0 && !maybeExact,
    alone: undefined,
  };
}

function affixTargets(matcher: LanguageMatcher, word: WordInfo): TermTarget[] | undefined {
  if (word.affixes === undefined) word.affixes = matchAffixes(matcher, word.folded) ?? null;
  return word.affixes ?? undefined;
}

// "cybersécu-rité" (PDF hyphenation) or "gezondheids-zorg": try the word with its hyphens removed.
function matchJoinedGroup(matcher: LanguageMatcher, tokens: Token[], first: number, text: string, affixes: boolean): RawMatch | undefined {
  const last = first + tokens[first]!.groupSize - 1;
  let lower = tokens[first]!.lower;
  for (let k = first + 1; k <= last; k++) lower += tokens[k]!.lower;
  // The same hyphenated words come back (AI-toepassingen, start-ups): what they match is remembered.
  let joined = matcher.joined.get(lower);
  if (joined === undefined) {
    joined = { folded: foldDiacritics(lower), whole: undefined, affixes: undefined };
    matcher.joined.set(lower, joined);
  }
  let found: TermTarget[];
  if (affixes) {
    found = joined.affixes ??= (matchAffixes(matcher, joined.folded) ?? []).filter((t) => t.theme !== '');
  } else {
    found = joined.whole ??= dedupeTargets([...single(matcher.stems.get(matcher.stemmer.stem(lower))), ...single(matcher.forms.get(joined.folded))]).filter(
      (t) => t.theme !== '',
    );
  }
  return found.length > 0 ? makeMatch(tokens, first, last, found, text) : undefined;
}

/** What a hyphenated word with its hyphens removed matches: whole, and by affix (each worked out when first asked). */
interface JoinedInfo {
  folded: string;
  whole: TermTarget[] | undefined;
  affixes: TermTarget[] | undefined;
}

function single(entries: PhraseEntry[] | undefined): TermTarget[] {
  return (entries ?? []).filter((e) => e.words.length === 1).flatMap((e) => e.targets);
}

/** How the words of an entry are compared with the passage's tokens. */
const enum WordKey {
  Stem,
  Folded,
  Surface,
}

/** The longest entries matched so far at a position, and their targets. */
interface Best {
  length: number;
  targets: TermTarget[];
}

function matchPhraseAt(matcher: LanguageMatcher, tokens: Token[], words: WordInfo[], i: number, text: string): RawMatch | undefined {
  const word = words[i]!;
  // Most words start no term at all.
  if (word.inert) return undefined;
  const exact = word.maybeExact ? matcher.index.exact.get(tokens[i]!.surface) : undefined;
  if (!word.longer && word.single.length === 0 && word.singleEnglish.length === 0 && exact === undefined) return undefined;
  const best: Best = { length: 0, targets: [] };
  if (i + 1 < tokens.length && (word.longer || (exact !== undefined && exact.next.size > 0))) {
    considerLonger(best, word.byStem, WordKey.Stem, tokens, words, i);
    considerLonger(best, word.byForm, WordKey.Folded, tokens, words, i);
    considerLonger(best, exact, WordKey.Surface, tokens, words, i);
    considerLonger(best, word.byEnglish, WordKey.Folded, tokens, words, i);
  }
  if (best.length > 0) return makeMatch(tokens, i, i + best.length - 1, dedupeTargets(best.targets), text);
  // No longer term here: the word alone, by stem and form, as written, and as an English word.
  const targets =
    exact === undefined || exact.single.length === 0
      ? (word.alone ??= dedupeTargets([...word.single, ...word.singleEnglish]))
      : dedupeTargets([...word.single, ...exact.single.flatMap((e) => e.targets), ...word.singleEnglish]);
  return targets.length === 0 ? undefined : makeMatch(tokens, i, i, targets, text);
}

// Entries of two words or more whose second word is the next token's; longest first, so once an
// entry is shorter than the best match none later can win.
function considerLonger(best: Best, bucket: Bucket | undefined, key: WordKey, tokens: Token[], words: WordInfo[], i: number): void {
  if (bucket === undefined || bucket.next.size === 0) return;
  const entries = bucket.next.get(wordKey(key, tokens, words, i + 1));
  if (entries === undefined) return;
  for (const entry of entries) {
    const n = entry.words.length;
    if (n < best.length) break;
    if (i + n > tokens.length || !wordsMatch(entry.words, key, tokens, words, i)) continue;
    if (!looksLike(entry, tokens, i)) continue;
    if (n > best.length) {
      best.length = n;
      best.targets = entry.targets.slice();
    } else {
      for (const target of entry.targets) best.targets.push(target);
    }
  }
}

function wordKey(key: WordKey, tokens: Token[], words: WordInfo[], at: number): string {
  return key === WordKey.Stem ? words[at]!.stem : key === WordKey.Folded ? tokens[at]!.folded : tokens[at]!.surface;
}

function wordsMatch(entryWords: string[], key: WordKey, tokens: Token[], words: WordInfo[], i: number): boolean {
  // The first two words were matched by the lookup.
  for (let k = 2; k < entryWords.length; k++) {
    if (wordKey(key, tokens, words, i + k) !== entryWords[k]) return false;
  }
  return true;
}

function matchAffixes(matcher: LanguageMatcher, folded: string): TermTarget[] | undefined {
  const targets: TermTarget[] = [];
  for (const entry of matcher.prefixes) if (folded.startsWith(entry.affix)) targets.push(...entry.targets);
  for (const entry of matcher.suffixes) if (folded.endsWith(entry.affix)) targets.push(...entry.targets);
  for (const entry of matcher.infixes) if (folded.includes(entry.affix)) targets.push(...entry.targets);
  return targets.length > 0 ? dedupeTargets(targets) : undefined;
}

// One occurrence counts once per theme: the strongest concept it stands for.
function dedupeTargets(targets: TermTarget[]): TermTarget[] {
  const seen = new Map<string, TermTarget>();
  for (const t of targets) {
    const key = t.theme;
    const prev = seen.get(key);
    if (!prev || prev.weight < t.weight) seen.set(key, t);
  }
  return [...seen.values()];
}

function makeMatch(tokens: Token[], first: number, last: number, targets: TermTarget[], text: string): RawMatch {
  const start = tokens[first]!.start;
  const end = tokens[last]!.end;
  return { term: text.slice(start, end), start, end, firstToken: first, lastToken: last, targets };
}

/** Returns the stems that terms of two themes share without being marked ambiguous (Porter conflations to fix with "="). */
export function findStemCollisions(lexicon: Lexicon): Array<{ theme: string; concept: string; message: string }> {
  const ambiguous = new Map<string, string[]>();
  for (const theme of lexicon.taxonomy.themes) {
    for (const concept of theme.concepts) ambiguous.set(`${theme.id}/${concept.id}`, concept.ambiguous);
  }
  const problems: Array<{ theme: string; concept: string; message: string }> = [];
  for (const language of TAXONOMY_LANGUAGES) {
    for (const entries of lexicon.matchers[language].stems.values()) {
      for (const entry of entries) {
        const targets = entry.targets.filter((t) => t.theme !== '');
        for (const a of targets) {
          for (const b of targets) {
            if (a.theme >= b.theme) continue;
            const allowed = ambiguous.get(`${a.theme}/${a.concept}`)?.includes(b.theme) || ambiguous.get(`${b.theme}/${b.concept}`)?.includes(a.theme);
            if (allowed) continue;
            const forms = (entry.forms ?? []).map((f) => f.join(' ')).join('", "');
            problems.push({
              theme: a.theme,
              concept: a.concept,
              message: `${language} terms "${forms}" of ${a.theme}/${a.concept} and ${b.theme}/${b.concept} share the stem "${entry.words.join(' ')}" (write one as "=term")`,
            });
          }
        }
      }
    }
  }
  return problems;
}
