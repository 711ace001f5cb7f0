// Suggestions for missing level, country and region, from phrases in the text and the source's
// host. Only ever printed as a suggestion: the document keeps the fields empty unless the user
// passes them (PRODUCT.md: the tool never silently guesses).
import type { DocumentMeta, Level, MetaSuggestion } from '../model.js';

interface Cue {
  pattern: RegExp;
  level?: Level;
  country?: string[];
  region?: string;
}

const BENELUX = ['BE', 'NL', 'LU'];

// The most specific cues first: on equal counts the earlier one wins.
const TEXT_CUES: Cue[] = [
  { pattern: /\bVlaamse (?:regering|overheid|minister|parlement)\b/giu, level: 'regional', country: ['BE'], region: 'Flanders' },
  { pattern: /\b(?:gouvernement wallon|Région wallonne|Service public de Wallonie|Parlement de Wallonie)\b/giu, level: 'regional', country: ['BE'], region: 'Wallonia' },
  { pattern: /\b(?:Brusselse regering|Brussels Hoofdstedelijk(?:e)? (?:Gewest|Regering)|Région de Bruxelles-Capitale|gouvernement bruxellois)\b/giu, level: 'regional', country: ['BE'], region: 'Brussels-Capital' },
  { pattern: /\b(?:Deutschsprachige(?:n)? Gemeinschaft|Ostbelgien)\b/giu, level: 'regional', country: ['BE'], region: 'German-speaking Community' },
  { pattern: /\b(?:federale (?:overheid|regering|overheidsdienst)|gouvernement fédéral|Föderalregierung|föderale Regierung|Belgian federal government)\b/giu, level: 'federal', country: ['BE'] },
  { pattern: /\b(?:FOD|SPF) [A-Z]\p{L}*/gu, level: 'federal', country: ['BE'] },
  { pattern: /\b(?:Rijksoverheid|het kabinet|Tweede Kamer|ministerie van [A-Z]\p{L}+)\b/gu, level: 'national', country: ['NL'] },
  { pattern: /\b(?:gouvernement luxembourgeois|Grand-Duché|Luxemburger Regierung|Luxembourg government|Gouvernement du Grand-Duché)\b/giu, level: 'national', country: ['LU'] },
  { pattern: /\bBenelux\b/gu, level: 'benelux', country: BENELUX },
  { pattern: /\b(?:Europese Commissie|European Commission|Commission européenne|Europäische(?:n)? Kommission|Europees Parlement|European Parliament)\b/giu, level: 'eu', country: ['EU'] },
  { pattern: /\b(?:gemeente(?:raad|bestuur)?|college van burgemeester en wethouders|conseil communal|Gemeinderat)\b/giu, level: 'local' },
];

const HOST_CUES: Array<{ host: RegExp } & Omit<Cue, 'pattern'>> = [
  { host: /(?:^|\.)europa\.eu$/, level: 'eu', country: ['EU'] },
  { host: /(?:^|\.)benelux\.int$/, level: 'benelux', country: BENELUX },
  { host: /(?:^|\.)vlaanderen\.be$/, level: 'regional', country: ['BE'], region: 'Flanders' },
  { host: /(?:^|\.)wallonie\.be$/, level: 'regional', country: ['BE'], region: 'Wallonia' },
  { host: /(?:^|\.)(?:belgium|fgov)\.be$/, level: 'federal', country: ['BE'] },
  { host: /(?:^|\.)(?:rijksoverheid|overheid)\.nl$/, level: 'national', country: ['NL'] },
  { host: /(?:^|\.)(?:public|gouvernement)\.lu$/, level: 'national', country: ['LU'] },
  { host: /\.be$/, country: ['BE'] },
  { host: /\.nl$/, country: ['NL'] },
  { host: /\.lu$/, country: ['LU'] },
];

/** Returns a suggestion for the level, country and region a document lacks, or undefined when nothing points anywhere. */
export function suggestMeta(meta: DocumentMeta, body: string): MetaSuggestion | undefined {
  const wanted = { level: meta.level === undefined, country: meta.country === undefined, region: meta.region === undefined };
  if (!wanted.level && !wanted.country) return undefined;
  const suggestion: MetaSuggestion = { because: [] };
  const host = hostOf(meta.source);
  const hostCue = host === undefined ? undefined : HOST_CUES.find((cue) => cue.host.test(host));
  // A level given by the user narrows the phrases considered to that level's.
  const textCue = strongestCue(body, meta.level) ?? (meta.level === undefined ? undefined : strongestCue(body, undefined));
  const levelCue = hostCue?.level !== undefined && (meta.level === undefined || hostCue.level === meta.level) ? { ...hostCue, why: `host ${host}` } : textCue;
  if (levelCue === undefined && hostCue === undefined) return undefined;
  if (wanted.level && levelCue?.level !== undefined) suggestion.level = levelCue.level;
  const country = levelCue?.country ?? hostCue?.country;
  if (wanted.country && country !== undefined) suggestion.country = country;
  const level = meta.level ?? suggestion.level;
  if (wanted.region && level === 'regional' && levelCue?.level === level && levelCue.region !== undefined) suggestion.region = levelCue.region;
  if (suggestion.level === undefined && suggestion.country === undefined && suggestion.region === undefined) return undefined;
  if (levelCue !== undefined) suggestion.because.push(levelCue.why);
  if (hostCue !== undefined && host !== undefined && !suggestion.because.includes(`host ${host}`)) suggestion.because.push(`host ${host}`);
  return suggestion;
}

function strongestCue(body: string, level: Level | undefined): (Cue & { why: string }) | undefined {
  let best: (Cue & { why: string; count: number }) | undefined;
  for (const cue of TEXT_CUES) {
    if (level !== undefined && cue.level !== level) continue;
    const found = body.match(cue.pattern);
    if (!found) continue;
    if (best === undefined || found.length > best.count) {
      best = { ...cue, count: found.length, why: describeFound(found) };
    }
  }
  return best;
}

// "'Vlaamse Regering' ×2, 'Vlaamse overheid'": each phrase as first written, with its count.
function describeFound(found: string[]): string {
  const counts = new Map<string, { text: string; n: number }>();
  for (const raw of found) {
    const text = raw.replace(/\s+/g, ' ');
    const entry = counts.get(text.toLowerCase()) ?? { text, n: 0 };
    entry.n += 1;
    counts.set(text.toLowerCase(), entry);
  }
  return [...counts.values()].map(({ text, n }) => (n > 1 ? `'${text}' ×${n}` : `'${text}'`)).join(', ');
}

function hostOf(source: string | undefined): string | undefined {
  if (source === undefined) return undefined;
  const match = /^https?:\/\/([^/:?#]+)/i.exec(source.trim());
  return match ? match[1]!.toLowerCase().replace(/\.$/, '') : undefined;
}

/** Returns the flags that would apply a suggestion, e.g. `--level federal --country BE`. */
export function suggestionFlags(suggestion: MetaSuggestion): string {
  const flags: string[] = [];
  if (suggestion.level !== undefined) flags.push(`--level ${suggestion.level}`);
  if (suggestion.country !== undefined) {
    const codes = suggestion.country.join(';');
    flags.push(`--country ${suggestion.country.length > 1 ? `"${codes}"` : codes}`);
  }
  if (suggestion.region !== undefined) flags.push(`--region ${/^[\w-]+$/.test(suggestion.region) ? suggestion.region : JSON.stringify(suggestion.region)}`);
  return flags.join(' ');
}
