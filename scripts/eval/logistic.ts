// L2-regularised logistic regression with one intercept per group (theme) and shared feature
// weights, fitted by full-batch gradient descent on standardised features. Deterministic.

/** One training row. */
export interface Row {
  group: string;
  x: number[];
  y: 0 | 1;
}

/** A fitted model on the raw feature scale. */
export interface LogisticModel {
  weights: number[];
  intercepts: Record<string, number>;
}

/** Options of the fit. */
export interface FitOptions {
  lambda: number;
  iterations: number;
  rate: number;
}

/** Returns the model fitted to the rows (groups without rows get the mean intercept). */
export function fitLogistic(rows: Row[], groups: string[], options: FitOptions): LogisticModel {
  const d = rows[0]?.x.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r.x[j]!, 0) / Math.max(rows.length, 1));
  const std = Array.from({ length: d }, (_, j) => {
    const v = rows.reduce((s, r) => s + (r.x[j]! - mean[j]!) ** 2, 0) / Math.max(rows.length, 1);
    return Math.sqrt(v) || 1;
  });
  const z = rows.map((r) => r.x.map((v, j) => (v - mean[j]!) / std[j]!));
  const w = new Array<number>(d).fill(0);
  const b = new Map(groups.map((g) => [g, 0]));
  const n = Math.max(rows.length, 1);
  for (let it = 0; it < options.iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    const gb = new Map(groups.map((g) => [g, 0]));
    rows.forEach((r, i) => {
      let s = b.get(r.group) ?? 0;
      for (let j = 0; j < d; j++) s += w[j]! * z[i]![j]!;
      const err = 1 / (1 + Math.exp(-s)) - r.y;
      for (let j = 0; j < d; j++) gw[j]! += err * z[i]![j]!;
      gb.set(r.group, (gb.get(r.group) ?? 0) + err);
    });
    for (let j = 0; j < d; j++) w[j] = w[j]! - options.rate * (gw[j]! / n + options.lambda * w[j]!);
    for (const g of groups) b.set(g, b.get(g)! - options.rate * (gb.get(g)! / n + 0.01 * options.lambda * b.get(g)!));
  }
  const weights = w.map((v, j) => v / std[j]!);
  const shift = w.reduce((s, v, j) => s + (v * mean[j]!) / std[j]!, 0);
  const intercepts: Record<string, number> = {};
  for (const g of groups) intercepts[g] = b.get(g)! - shift;
  return { weights, intercepts };
}

/** Returns the model's probability for a row. */
export function predict(model: LogisticModel, group: string, x: number[]): number {
  let s = model.intercepts[group] ?? 0;
  x.forEach((v, j) => (s += model.weights[j]! * v));
  return 1 / (1 + Math.exp(-s));
}
