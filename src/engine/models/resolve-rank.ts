export interface RankResolution {
  /** The independent columns, in column order; their triangular factor is t[0..rank) x order. */
  order: number[];
  /** Each dependent column as a combination of independent columns processed before it (scaled units). */
  dependencies: Array<{ column: number; basis: number[]; weights: number[] }>;
  /** The transformed q x q matrix (column-major): rows [0, rank) of the `order` columns are upper triangular. */
  t: Float64Array;
}

/**
 * Rank-revealing Householder QR of a small q x q triangular factor R (from `triangularFactor`), deciding column
 * by column in the design's own order: column j is dependent when the part of it outside the span of the
 * columns accepted before it is at most `tolerance` times its norm,
 *
 *   ‖(I - P_accepted) R[:, j]‖ <= tolerance · ‖R[:, j]‖   (and any all-zero column),
 *
 * otherwise a reflector makes it the next pivot. This is QR with column pivoting restricted to "next
 * independent column": for full-rank designs it leaves the order (and so the factor) untouched, and for
 * collinear ones it names the later column as the dependent one ("const" duplicates "Intercept", "x3" is
 * x1 + x2), which a person can act on; norm-based pivoting would pick whichever column is largest. Columns
 * from `p` on are right-hand sides, transformed along and never pivots.
 *
 * @example resolveRank(r, 3, 2, norms, 1e-10).order // [0, 1] when both predictors are independent
 */
export function resolveRank(r: Float64Array, q: number, p: number, norms: Float64Array, tolerance: number): RankResolution {
  const t = r.slice();
  const order: number[] = [];
  const dependencies: RankResolution["dependencies"] = [];
  for (let j = 0; j < p; j++) {
    const k = order.length;
    let sigma = 0;
    for (let i = k + 1; i < q; i++) sigma += t[i + j * q] * t[i + j * q];
    const alpha = t[k + j * q];
    const trailing = Math.sqrt(alpha * alpha + sigma);
    if (!(norms[j] > 0) || trailing <= tolerance * norms[j]) {
      const weights = backSubstitute(t, q, order, j);
      dependencies.push({ column: j, basis: order.slice(), weights });
      continue;
    }
    if (sigma > 0) {
      const beta = alpha >= 0 ? -trailing : trailing;
      const tau = (beta - alpha) / beta;
      const inv = 1 / (alpha - beta);
      for (let i = k + 1; i < q; i++) t[i + j * q] *= inv;
      for (let c = j + 1; c < q; c++) {
        let w = t[k + c * q];
        for (let i = k + 1; i < q; i++) w += t[i + j * q] * t[i + c * q];
        w *= tau;
        t[k + c * q] -= w;
        for (let i = k + 1; i < q; i++) t[i + c * q] -= w * t[i + j * q];
      }
      t[k + j * q] = beta;
      for (let i = k + 1; i < q; i++) t[i + j * q] = 0;
    }
    order.push(j);
  }
  return { order, dependencies, t };
}

/** Solves the accepted triangle for column `j`'s top entries: its weights on the accepted columns. */
function backSubstitute(t: Float64Array, q: number, order: readonly number[], j: number): number[] {
  const k = order.length;
  const weights = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let sum = t[i + j * q];
    for (let l = i + 1; l < k; l++) sum -= t[i + order[l] * q] * weights[l];
    weights[i] = sum / t[i + order[i] * q];
  }
  return weights;
}
