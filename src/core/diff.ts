// Coverage between two snapshots of a corpus: themes each group gained or lost, and the documents behind it. Pure.
import type { ComparedDocument, CoverageDiff, CoverageMatrix, DiffCause, GroupBy, ThemeChange, ThemeId } from '../model.js';
import { buildCoverage } from './compare.js';
import { groupDocuments, groupKeysOf } from './group.js';

/** A snapshot: its documents and how to call it (folder or git revision). */
export interface Snapshot {
  label: string;
  documents: ComparedDocument[];
}

/** Options of a diff: the grouping and when a document counts for a theme. */
export interface DiffOptions {
  themes: ThemeId[];
  by: GroupBy;
  minDocs: number;
  minScore: number;
}

/** Returns the themes each group gained or lost from `before` to `after`, with the documents that caused each change. */
export function diffSnapshots(before: Snapshot, after: Snapshot, options: DiffOptions): CoverageDiff {
  const { themes, by, minDocs, minScore } = options;
  const a = buildCoverage(before.documents, themes, by, minDocs, minScore);
  const b = buildCoverage(after.documents, themes, by, minDocs, minScore);
  const beforeDocs = new Map(before.documents.map((d) => [d.id, d]));
  const afterDocs = new Map(after.documents.map((d) => [d.id, d]));
  // Group order of the union of both snapshots, so a group that appears or disappears keeps its place.
  const union = [...afterDocs.values(), ...before.documents.filter((d) => !afterDocs.has(d.id))];
  const changes: ThemeChange[] = [];
  for (const { key } of groupDocuments(union, by)) {
    themes.forEach((theme, t) => {
      const was = cellOf(a, key, t);
      const is = cellOf(b, key, t);
      if (was.covered === is.covered) return;
      const change = is.covered ? 'gained' : 'lost';
      const [from, to, here, there] = is.covered ? [was, is, afterDocs, beforeDocs] : [is, was, beforeDocs, afterDocs];
      const documents = to.documents
        .filter((id) => !from.documents.includes(id))
        .map((id) => ({ id, cause: causeOf(id, key, by, here, there, change) }));
      changes.push({ group: key, theme, change, documents });
    });
  }
  const added = [...afterDocs.keys()].filter((id) => !beforeDocs.has(id)).sort();
  const removed = [...beforeDocs.keys()].filter((id) => !afterDocs.has(id)).sort();
  return { before: a, after: b, beforeLabel: before.label, afterLabel: after.label, added, removed, changes };
}

function cellOf(coverage: CoverageMatrix, group: string, theme: number): { covered: boolean; documents: string[] } {
  const g = coverage.groups.findIndex((x) => x.key === group);
  const cell = g === -1 ? undefined : coverage.cells[theme]![g];
  return cell ?? { covered: false, documents: [] };
}

/** Why a document counts for the theme in the group on one side (`here`) and not on the other (`there`). */
function causeOf(
  id: string,
  group: string,
  by: GroupBy,
  here: Map<string, ComparedDocument>,
  there: Map<string, ComparedDocument>,
  change: 'gained' | 'lost',
): DiffCause {
  const other = there.get(id);
  if (!other) return change === 'gained' ? 'added' : 'removed';
  if (!groupKeysOf(other, by).includes(group) || !groupKeysOf(here.get(id)!, by).includes(group)) return 'regrouped';
  return 'retagged';
}
