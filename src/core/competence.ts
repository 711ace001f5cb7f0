// Competences per country, level and theme (taxonomy/competence.yml), and gap marking with them. Pure.
import type { ComparedDocument, Competence, CompetenceEntry, CompetenceLevel, CountryCompetence, Group, Level, ThemeId } from '../model.js';
import type { GapMarker } from './compare.js';
import { rankLevel } from './group.js';
import { LEVELS } from './meta.js';

const VALUES: readonly CompetenceLevel[] = ['full', 'partial', 'none'];

/** Returns the competence data and every problem found in it (empty when valid); a problem names its place. */
export function parseCompetence(data: unknown, themes: ThemeId[]): { competence: Competence; problems: string[] } {
  const problems: string[] = [];
  const competence: Competence = { version: '', countries: {} };
  const root = asRecord(data);
  if (!root) return { competence, problems: ['the file must be a mapping'] };
  competence.version = String(root['version'] ?? '');
  if (competence.version === '') problems.push('version is missing');
  const countries = asRecord(root['countries']);
  if (!countries || Object.keys(countries).length === 0) return { competence, problems: [...problems, 'countries must be a non-empty mapping'] };
  for (const [code, raw] of Object.entries(countries)) {
    const country = parseCountry(raw, `countries.${code}`, themes, problems);
    if (!/^[A-Z]{2}$/.test(code)) problems.push(`countries.${code}: not a two-letter country code`);
    if (country) competence.countries[code] = country;
  }
  return { competence, problems };
}

function parseCountry(raw: unknown, where: string, themes: ThemeId[], problems: string[]): CountryCompetence | undefined {
  const record = asRecord(raw);
  if (!record) return void problems.push(`${where}: must be a mapping`);
  const levelsRaw = asRecord(record['levels']) ?? {};
  const levels: Partial<Record<Level, string>> = {};
  for (const [level, description] of Object.entries(levelsRaw)) {
    if (!(LEVELS as readonly string[]).includes(level)) problems.push(`${where}.levels: "${level}" is not one of ${LEVELS.join(', ')}`);
    else levels[level as Level] = String(description);
  }
  if (Object.keys(levels).length === 0) problems.push(`${where}.levels: no level`);
  const themesRaw = asRecord(record['themes']) ?? {};
  const entries: Record<ThemeId, CompetenceEntry> = {};
  for (const theme of themes) {
    if (!(theme in themesRaw)) problems.push(`${where}.themes: no entry for ${theme}`);
  }
  for (const [theme, value] of Object.entries(themesRaw)) {
    if (!themes.includes(theme)) problems.push(`${where}.themes: unknown theme "${theme}"`);
    else entries[theme] = parseEntry(value, `${where}.themes.${theme}`, Object.keys(levels), problems);
  }
  return { name: typeof record['name'] === 'string' ? record['name'] : '', levels, themes: entries };
}

function parseEntry(raw: unknown, where: string, levels: string[], problems: string[]): CompetenceEntry {
  const record = asRecord(raw) ?? {};
  const given = asRecord(record['levels']) ?? {};
  const out: Partial<Record<Level, CompetenceLevel>> = {};
  for (const level of levels) {
    const value = given[level];
    if (!VALUES.includes(value as CompetenceLevel)) problems.push(`${where}.levels.${level}: must be one of ${VALUES.join(', ')}`);
    else out[level as Level] = value as CompetenceLevel;
  }
  for (const level of Object.keys(given)) if (!levels.includes(level)) problems.push(`${where}.levels: "${level}" is not a level of this country`);
  const list: unknown[] = Array.isArray(record['sources']) ? record['sources'] : [];
  const sources = list.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  if (sources.length === 0) problems.push(`${where}: needs at least one source`);
  // A source with ": " in it parses as a mapping in YAML unless quoted: say so instead of dropping it.
  if (sources.length !== list.length) problems.push(`${where}.sources: every source must be one line of text (quote it if it contains ": ")`);
  if (typeof record['approximate'] !== 'boolean') problems.push(`${where}.approximate: must be true or false`);
  const note = typeof record['note'] === 'string' ? record['note'].trim() : '';
  if (note === '') problems.push(`${where}: needs a note`);
  return { levels: out, approximate: record['approximate'] === true, note, sources };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Options of the gap marker: the documents compared and when a document counts for a theme. */
export interface GapMarkerOptions {
  documents: ComparedDocument[];
  competence: Competence;
  minDocs: number;
  minScore: number;
}

/**
 * Returns a gap marker: a theme a group lacks is `not competent` when every (country, level) of its
 * documents is recorded as not competent; else `covered by a higher level` when, for each of them,
 * documents of a wider level of the same country (Benelux texts name their countries) are enough to
 * cover the theme; else a `real gap`. EU texts do not cover a country's gap: an EU strategy that
 * names a theme does not do the national or regional work.
 */
export function buildGapMarker({ documents, competence, minDocs, minScore }: GapMarkerOptions): GapMarker {
  const byId = new Map(documents.map((d) => [d.id, d]));
  return (lacking: Group, theme: ThemeId) => {
    const places = placesOf(lacking.documents.map((id) => byId.get(id)!));
    const known = places.map((p) => ({ ...p, value: competence.countries[p.country]?.themes[theme]?.levels[p.level] }));
    if (known.length > 0 && known.every((p) => p.value === 'none')) {
      const notes = known.map((p) => `${p.country} ${p.level}: ${competence.countries[p.country]!.themes[theme]!.note}`);
      return { status: 'not competent', reason: notes.join(' | ') };
    }
    const higher = places.map((p) => higherDocuments(documents, p, theme, minScore));
    if (places.length > 0 && higher.every((ids) => ids.length >= minDocs)) {
      const ids = [...new Set(higher.flat())].sort((a, b) => rankLevel(byId.get(a)!.meta.level) - rankLevel(byId.get(b)!.meta.level) || (a < b ? -1 : 1));
      return { status: 'covered by a higher level', reason: ids.join(', ') };
    }
    const competent = known.filter((p) => p.value === 'full' || p.value === 'partial').map((p) => `${p.country} ${p.level} (${p.value})`);
    const unknown = [...new Set(known.filter((p) => p.value === undefined).map((p) => p.level))].map(
      (level) => `${level} in ${known.filter((p) => p.value === undefined && p.level === level).map((p) => p.country).join(', ')}`,
    );
    const parts = [competent.length > 0 ? `competent: ${competent.join(', ')}` : '', unknown.length > 0 ? `no competence recorded for ${unknown.join('; ')}` : ''];
    return { status: 'real gap', reason: parts.filter((p) => p !== '').join('; ') || 'no level or country recorded' };
  };
}

interface Place {
  country: string;
  level: Level;
}

function placesOf(documents: ComparedDocument[]): Place[] {
  const seen = new Map<string, Place>();
  for (const doc of documents) {
    const level = doc.meta.level;
    if (level === undefined) continue;
    for (const country of doc.meta.country ?? []) seen.set(`${country} ${level}`, { country, level });
  }
  return [...seen.values()].sort((a, b) => (a.country < b.country ? -1 : a.country > b.country ? 1 : rankLevel(a.level) - rankLevel(b.level)));
}

function higherDocuments(documents: ComparedDocument[], place: Place, theme: ThemeId, minScore: number): string[] {
  return documents
    .filter((d) => rankLevel(d.meta.level) < rankLevel(place.level))
    .filter((d) => (d.meta.country ?? []).includes(place.country))
    .filter((d) => d.themes.some((t) => t.id === theme && t.score >= minScore))
    .map((d) => d.id);
}
