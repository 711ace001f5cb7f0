// Precision, recall and F1 for multi-label tagging: per label, macro and micro averages.

/** Counts for one label. */
export interface LabelCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Scores for one label (or an average). */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** One item: its gold labels and the labels the tagger predicted. */
export interface LabelledItem {
  gold: string[];
  predicted: string[];
}

/** Returns tp/fp/fn per label over the items, for the given label set. */
export function countLabels(items: LabelledItem[], labels: string[]): Map<string, LabelCounts> {
  const counts = new Map(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
  for (const item of items) {
    const gold = new Set(item.gold);
    const predicted = new Set(item.predicted);
    for (const label of labels) {
      const c = counts.get(label)!;
      if (gold.has(label) && predicted.has(label)) c.tp += 1;
      else if (predicted.has(label)) c.fp += 1;
      else if (gold.has(label)) c.fn += 1;
    }
  }
  return counts;
}

/** Returns precision, recall, F1 from counts; 0/0 counts as 1 (nothing to find, nothing wrongly found). */
export function scoresOf(c: LabelCounts): Scores {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: c.tp + c.fn };
}

/** Per-label scores, their macro average (labels with support only) and the micro average. */
export interface Report {
  labels: Record<string, Scores>;
  macro: Scores;
  micro: Scores;
  items: number;
}

/** Returns the full report for a set of items. */
export function evaluate(items: LabelledItem[], labels: string[]): Report {
  const counts = countLabels(items, labels);
  const per: Record<string, Scores> = {};
  for (const label of labels) per[label] = scoresOf(counts.get(label)!);
  const withSupport = labels.filter((l) => per[l]!.support > 0);
  const mean = (key: 'precision' | 'recall' | 'f1') =>
    withSupport.length === 0 ? 0 : withSupport.reduce((sum, l) => sum + per[l]![key], 0) / withSupport.length;
  const total = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    labels: per,
    macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1'), support: total.tp + total.fn },
    micro: scoresOf(total),
    items: items.length,
  };
}

/** One (item, label) decision with the score behind it (undefined: no term of the label was found). */
export interface ScoredDecision {
  gold: boolean;
  predicted: boolean;
  score: number | undefined;
}

/** Wrong decisions counted by how far their score was from the threshold. */
export interface ErrorBands {
  /** Missed labels: no term found, then score bands below the threshold (lower edge → count). */
  missed: { noTerm: number; bands: Array<{ from: number; to: number; count: number }> };
  /** Extra labels: score bands from the threshold up. */
  extra: Array<{ from: number; to: number; count: number }>;
  /** Wrong decisions in the two bands next to the threshold (the last band of misses, the first of extras). */
  nearThreshold: number;
  total: number;
}

/**
 * Returns the wrong decisions by score band: edges are the band limits below the threshold (for
 * misses) and above it (for extras), e.g. [0.3, 0.4] and [0.6, 0.7] around 0.5.
 */
export function errorBands(decisions: ScoredDecision[], threshold: number, below: number[], above: number[]): ErrorBands {
  const lower = [0, ...below, threshold];
  const upper = [threshold, ...above, 1];
  const missed = lower.slice(0, -1).map((from, i) => ({ from, to: lower[i + 1]!, count: 0 }));
  const extra = upper.slice(0, -1).map((from, i) => ({ from, to: upper[i + 1]!, count: 0 }));
  let noTerm = 0;
  let total = 0;
  for (const d of decisions) {
    if (d.gold === d.predicted) continue;
    total += 1;
    if (d.score === undefined) {
      noTerm += 1;
      continue;
    }
    const bands = d.gold ? missed : extra;
    const band = bands.find((b, i) => d.score! >= b.from && (d.score! < b.to || i === bands.length - 1));
    if (band) band.count += 1;
  }
  const nearThreshold = missed[missed.length - 1]!.count + extra[0]!.count;
  return { missed: { noTerm, bands: missed }, extra, nearThreshold, total };
}
