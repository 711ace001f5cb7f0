// Grouping documents for comparison, and the order groups are shown in. Pure.
import type { ComparedDocument, Group, GroupBy } from '../model.js';
import { LEVELS, yearOf } from './meta.js';

/** Group key used for documents that lack the grouping field. */
export const NO_VALUE = '(none)';

/** Returns the group keys of one document: one per country for `country`, `(none)` when the field is missing. */
export function groupKeysOf(doc: ComparedDocument, by: GroupBy): string[] {
  switch (by) {
    case 'level':
      return [doc.meta.level ?? NO_VALUE];
    case 'country':
      return doc.meta.country && doc.meta.country.length > 0 ? doc.meta.country : [NO_VALUE];
    case 'region':
      return [doc.meta.region ?? NO_VALUE];
    case 'document':
      return [doc.id];
    case 'year':
      return [yearOf(doc.meta) ?? NO_VALUE];
    case 'publisher':
      return [doc.meta.publisher ?? NO_VALUE];
  }
}

/** Returns true when the documents are in strictly increasing id order (so no id is there twice). */
export function inStrictIdOrder(documents: ComparedDocument[]): boolean {
  for (let d = 1; d < documents.length; d++) if (!(documents[d - 1]!.id < documents[d]!.id)) return false;
  return true;
}

/**
 * Returns the groups of documents, ordered from eu down to local: by level for `level`; EU first,
 * then alphabetically for `country`; by year for `year`; otherwise by the widest level among the
 * group's documents, then alphabetically. The `(none)` group comes last.
 */
export function groupDocuments(documents: ComparedDocument[], by: GroupBy): Group[] {
  // Documents in id order, each id once (what an index gives): every group's ids come in order, and
  // each document's level is its own. Otherwise ids are sorted and counted once, and an id listed
  // twice takes the level of its last document.
  const ordered = inStrictIdOrder(documents);
  const groups = new Map<string, { ids: string[]; rank: number }>();
  for (const doc of documents) {
    const rank = rankLevel(doc.meta.level);
    const keys = groupKeysOf(doc, by);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      let group = groups.get(key);
      if (group === undefined) {
        group = { ids: [], rank: LEVELS.length };
        groups.set(key, group);
      }
      // A key named twice by one document (a country listed twice) counts it once.
      if (ordered && group.ids.length > 0 && group.ids[group.ids.length - 1] === doc.id) continue;
      group.ids.push(doc.id);
      if (rank < group.rank) group.rank = rank;
    }
  }
  let entries = [...groups.entries()].map(([key, { ids, rank }]) => ({ key, documents: ids, rank }));
  if (!ordered) {
    const levelRank = new Map(documents.map((d) => [d.id, rankLevel(d.meta.level)]));
    const widest = (ids: string[]): number => ids.reduce((rank, id) => Math.min(rank, levelRank.get(id) ?? LEVELS.length), LEVELS.length);
    entries = entries.map(({ key, documents: ids }) => ({ key, documents: [...new Set(ids)].sort(), rank: widest(ids) }));
  }
  return entries.sort((a, b) => compareGroups(a, b, by)).map(({ key, documents }) => ({ key, documents }));
}

function compareGroups(a: { key: string; rank: number }, b: { key: string; rank: number }, by: GroupBy): number {
  if (a.key === b.key) return 0;
  if (a.key === NO_VALUE) return 1;
  if (b.key === NO_VALUE) return -1;
  if (by === 'level') return rankLevel(a.key) - rankLevel(b.key);
  if (by !== 'year' && by !== 'country' && a.rank !== b.rank) return a.rank - b.rank;
  if (by === 'country') {
    if (a.key === 'EU') return -1;
    if (b.key === 'EU') return 1;
  }
  return a.key < b.key ? -1 : 1;
}

/** Returns the position of a level from eu (0) down to local (5); levels.length when unknown. */
export function rankLevel(level: string | undefined): number {
  const i = level === undefined ? -1 : (LEVELS as readonly string[]).indexOf(level);
  return i === -1 ? LEVELS.length : i;
}
