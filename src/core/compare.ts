// Coverage, overlap and gap matrices between groups of documents. Pure: documents in, matrices out.
import type {
  CellEvidence,
  ComparedDocument,
  CoverageCell,
  CoverageCheck,
  CoverageMatrix,
  GapDetail,
  GapReport,
  Group,
  GroupBy,
  OverlapCell,
  OverlapMatrix,
  OverlapPassages,
  Shortfall,
  Strength,
  ThemeId,
} from '../model.js';
import { groupDocuments, groupKeysOf, inStrictIdOrder } from './group.js';

export { NO_VALUE, groupDocuments } from './group.js';

/** A cell is `strong` when its best document scores at least this (about two supporting passages), `weak` below. */
export const STRONG_SCORE = 0.8;

/** Returns the strength of a score: none without documents, strong at STRONG_SCORE or more, weak otherwise. */
export function strengthOf(score: number, documents: number): Strength {
  if (documents === 0) return 'none';
  return score >= STRONG_SCORE ? 'strong' : 'weak';
}

/**
 * Which passages the cells keep: all of them, only the strongest of each cell (what every output
 * but `overlap --theme` shows), or all for one theme and the strongest elsewhere.
 */
export type CellEvidenceScope = 'all' | 'strongest' | { theme: ThemeId };

/**
 * Returns the theme × group coverage: a document counts for a theme when it asserts it with a score of at
 * least `minScore`; a group covers the theme when at least `minDocs` of its documents count.
 */
export function buildCoverage(
  documents: ComparedDocument[],
  themes: ThemeId[],
  by: GroupBy,
  minDocs = 1,
  minScore = 0,
  evidence: CellEvidenceScope = 'all',
): CoverageMatrix {
  const groups = groupDocuments(documents, by);
  // One pass over the documents puts each asserted theme in its cells (rather than one search per
  // theme, group and document): 100,000 documents are placed in a fraction of the time.
  // Placed in id order, so that sorting by score alone (a stable sort) leaves ties in id order; an
  // id listed twice counts once, with its last document (documents from an index come in order,
  // each id once, and are taken as they are).
  const inIdOrder = inStrictIdOrder(documents)
    ? documents
    : [...new Map(documents.map((d) => [d.id, d])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groupAt = new Map(groups.map((group, g) => [group.key, g]));
  const themeAt = new Map(themes.map((theme, t) => [theme, t]));
  const placed: Placed[][] = themes.map(() => groups.map(() => ({ docs: [], hits: [], ids: [] })));
  // Which document last placed each theme, and in which group: a theme listed twice counts once
  // (with its first entry), a group key listed twice (a country named twice) once.
  const themeSeenBy = new Int32Array(themes.length).fill(-1);
  const groupSeenBy = new Int32Array(groups.length).fill(-1);
  const inGroups = new Int32Array(groups.length);
  for (let d = 0; d < inIdOrder.length; d++) {
    const doc = inIdOrder[d]!;
    let count = 0;
    const keys = groupKeysOf(doc, by);
    for (let k = 0; k < keys.length; k++) {
      const g = groupAt.get(keys[k]!)!;
      if (groupSeenBy[g] !== d) inGroups[count++] = g;
      groupSeenBy[g] = d;
    }
    const hits = doc.themes;
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      const t = themeAt.get(hit.id);
      if (t === undefined || themeSeenBy[t] === d) continue;
      themeSeenBy[t] = d;
      if (hit.score < minScore) continue;
      for (let k = 0; k < count; k++) {
        const cell = placed[t]![inGroups[k]!]!;
        cell.docs.push(doc);
        cell.hits.push(hit);
        cell.ids.push(doc.id);
      }
    }
  }
  const cells: CoverageCell[][] = themes.map((theme, t) => {
    const all = evidence === 'all' || (typeof evidence === 'object' && evidence.theme === theme);
    return groups.map((group, g) => buildCell(group, theme, placed[t]![g]!, minDocs, all));
  });
  return { by, minDocs, minScore, themes, groups, cells };
}

type Hit = ComparedDocument['themes'][number];

/**
 * The documents of one cell, their hits for its theme and their ids, side by side, in id order (the
 * ids are taken while each document is at hand: read afterwards in score order, each would be a
 * miss of the processor's cache, 30 ms for 100,000 documents).
 */
interface Placed {
  docs: ComparedDocument[];
  hits: Hit[];
  ids: string[];
}

/** Score buckets: the first three decimals of a score in [0, 1] (anything outside goes to the end bucket). */
const BUCKETS = 1001;

// Positions of the hits, strongest first, ties in the order given (id order). The hits are counted
// into a thousand buckets by their first three decimals, strongest bucket first, each keeping the
// order given (a cell of 10,000 documents is then ordered without 130,000 comparisons); a bucket
// whose scores differ is then sorted on its own by score and position: any score, rounded or not,
// lands in order.
function orderByScore(hits: Hit[]): number[] {
  const byScore = (x: number, y: number) => hits[y]!.score - hits[x]!.score || x - y;
  if (hits.length < 64) return hits.map((_, i) => i).sort(byScore);
  const n = hits.length;
  const bucketOf = new Uint16Array(n);
  const starts = new Int32Array(BUCKETS + 1);
  for (let i = 0; i < n; i++) {
    const score = hits[i]!.score;
    // Bucket 0 holds the strongest scores (1 and above), bucket 1000 the weakest (0 and below, NaN).
    const b = score >= 1 ? 0 : score > 0 ? 1000 - Math.floor(score * 1000) : 1000;
    bucketOf[i] = b;
    starts[b + 1]! += 1;
  }
  for (let b = 0; b < BUCKETS; b++) starts[b + 1]! += starts[b]!;
  const order = new Array<number>(n);
  const next = starts.slice(0, BUCKETS);
  for (let i = 0; i < n; i++) order[next[bucketOf[i]!]!++] = i;
  for (let b = 0; b < BUCKETS; b++) {
    const from = starts[b]!;
    const to = starts[b + 1]!;
    if (to - from < 2) continue;
    const first = hits[order[from]!]!.score;
    let same = true;
    for (let k = from + 1; k < to && same; k++) same = hits[order[k]!]!.score === first;
    if (same) continue;
    const sorted = order.slice(from, to).sort(byScore);
    for (let k = from; k < to; k++) order[k] = sorted[k - from]!;
  }
  return order;
}

function buildCell(group: Group, theme: ThemeId, placed: Placed, minDocs: number, allEvidence: boolean): CoverageCell {
  const order = orderByScore(placed.hits);
  const evidence: CellEvidence[] = [];
  for (const i of order) {
    const passage = placed.hits[i]!.evidence;
    if (passage === undefined) continue;
    const doc = placed.docs[i]!;
    evidence.push({ ...passage, document: doc.id, ...(doc.meta.title === undefined ? {} : { title: doc.meta.title }) });
    if (!allEvidence) break;
  }
  const score = order.length > 0 ? placed.hits[order[0]!]!.score : 0;
  return {
    theme,
    group: group.key,
    documents: order.map((i) => placed.ids[i]!),
    score,
    covered: order.length >= minDocs,
    strength: strengthOf(score, order.length),
    evidence,
  };
}

/** Returns the themes a group covers, in taxonomy order. */
export function coveredThemes(coverage: CoverageMatrix, groupIndex: number): ThemeId[] {
  return coverage.themes.filter((_, t) => coverage.cells[t]![groupIndex]!.covered);
}

/** Returns the group × group overlap: shared themes and Jaccard index; with a theme, the passages on both sides. */
export function buildOverlap(coverage: CoverageMatrix, theme?: ThemeId): OverlapMatrix {
  const covered = coverage.groups.map((_, g) => new Set(coveredThemes(coverage, g)));
  const cells: OverlapCell[][] = coverage.groups.map((a, i) =>
    coverage.groups.map((b, j) => {
      const shared = coverage.themes.filter((t) => covered[i]!.has(t) && covered[j]!.has(t));
      const union = coverage.themes.filter((t) => covered[i]!.has(t) || covered[j]!.has(t)).length;
      return { a: a.key, b: b.key, shared, jaccard: union === 0 ? 0 : round(shared.length / union) };
    }),
  );
  return theme === undefined ? { coverage, cells } : { coverage, cells, passages: buildOverlapPassages(coverage, theme) };
}

/** Returns, for every unordered pair of groups that both cover the theme, the evidence passages of each side. */
export function buildOverlapPassages(coverage: CoverageMatrix, theme: ThemeId): OverlapPassages {
  const row = coverage.cells[coverage.themes.indexOf(theme)] ?? [];
  const pairs: OverlapPassages['pairs'] = [];
  row.forEach((a, i) => {
    row.forEach((b, j) => {
      if (j > i && a.covered && b.covered) pairs.push({ a: a.group, b: b.group, aEvidence: a.evidence, bEvidence: b.evidence });
    });
  });
  return { theme, pairs };
}

/** Marks one theme a group lacks: a real gap, or why not (see core/competence.ts). */
export type GapMarker = (lacking: Group, theme: ThemeId) => Omit<GapDetail, 'theme'>;

const UNMARKED: GapMarker = () => ({ status: 'real gap', reason: 'no competence data' });

/** Returns, for each ordered pair of groups, the themes the first covers and the second does not, each marked. */
export function buildGaps(coverage: CoverageMatrix, mark: GapMarker = UNMARKED, competenceVersion = 'none'): GapReport {
  const covered = coverage.groups.map((_, g) => new Set(coveredThemes(coverage, g)));
  const marks = new Map<string, Omit<GapDetail, 'theme'>>();
  const markOf = (to: Group, theme: ThemeId): Omit<GapDetail, 'theme'> => {
    const key = `${to.key}\u0000${theme}`;
    if (!marks.has(key)) marks.set(key, mark(to, theme));
    return marks.get(key)!;
  };
  const gaps = coverage.groups.flatMap((a, i) =>
    coverage.groups.flatMap((b, j) => {
      if (i === j) return [];
      const themes = [...covered[i]!].filter((t) => !covered[j]!.has(t));
      return [{ from: a.key, to: b.key, themes, details: themes.map((theme) => ({ theme, ...markOf(b, theme) })) }];
    }),
  );
  return { coverage, gaps, competenceVersion };
}

/**
 * Returns the result of a coverage check: every group × required theme with fewer than `minDocs`
 * counting documents, and every `lost` shortfall found against a baseline (one line per cell, `lost` first).
 */
export function checkCoverage(coverage: CoverageMatrix, required: ThemeId[], lost: Shortfall[] = [], baseline?: string): CoverageCheck {
  const lostKeys = new Set(lost.map((s) => `${s.group}\u0000${s.theme}`));
  const missing: Shortfall[] = [];
  coverage.groups.forEach((group, g) => {
    for (const theme of required) {
      const cell = coverage.cells[coverage.themes.indexOf(theme)]?.[g];
      const count = cell ? cell.documents.length : 0;
      if (count < coverage.minDocs && !lostKeys.has(`${group.key}\u0000${theme}`)) {
        missing.push({ group: group.key, theme, documents: count, required: coverage.minDocs, kind: 'missing', score: cell?.score ?? 0 });
      }
    }
  });
  const order = (s: Shortfall): [number, number] => {
    const g = coverage.groups.findIndex((x) => x.key === s.group);
    // Groups the baseline had and the corpus no longer has come last, in the baseline's order.
    return [g === -1 ? coverage.groups.length + lost.findIndex((x) => x.group === s.group) : g, coverage.themes.indexOf(s.theme)];
  };
  const shortfalls = [...missing, ...lost].sort((x, y) => {
    const [gx, tx] = order(x);
    const [gy, ty] = order(y);
    return gx - gy || tx - ty;
  });
  return { coverage, required, shortfalls, passed: shortfalls.length === 0, ...(baseline === undefined ? {} : { baseline }) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
