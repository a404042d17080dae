/**
 * Holt's additive-trend smoothing in statsmodels' form (`ExponentialSmoothing(trend="add")`):
 *
 *   ŷₜ = ℓₜ₋₁ + bₜ₋₁
 *   ℓₜ = α yₜ + (1 - α)(ℓₜ₋₁ + bₜ₋₁)
 *   bₜ = β (ℓₜ - ℓₜ₋₁) + (1 - β) bₜ₋₁
 *
 * For fixed (α, β) every state is affine in the initial state (ℓ₀, b₀), so the one-step errors are
 * eₜ = rₜ - ℓ₀ pₜ - b₀ qₜ and the SSE is an exact quadratic in (ℓ₀, b₀): running the recursion once for the
 * data (from a zero state) and once for each unit initial state gives rₜ, pₜ, qₜ, and the optimal (ℓ₀, b₀)
 * solve the 2×2 normal equations. The optimiser then only searches (α, β).
 *
 * @example profileHolt(y, 0.5, 0.1) // { sse, level0, trend0 } with the best initial state for α=0.5, β=0.1
 */
export function profileHolt(y: Float64Array, alpha: number, beta: number): { sse: number; level0: number; trend0: number } {
  const a = 1 - alpha;
  const c = 1 - beta;
  let dl = 0, db = 0; // data-driven part of the state
  let ul = 1, ub = 0; // response to ℓ₀ = 1
  let vl = 0, vb = 1; // response to b₀ = 1
  let spp = 0, spq = 0, sqq = 0, spr = 0, sqr = 0, srr = 0;
  for (let t = 0; t < y.length; t++) {
    const r = y[t] - (dl + db);
    const p = ul + ub;
    const q = vl + vb;
    spp += p * p; spq += p * q; sqq += q * q; spr += p * r; sqr += q * r; srr += r * r;
    const dl2 = alpha * y[t] + a * (dl + db);
    const ul2 = a * (ul + ub);
    const vl2 = a * (vl + vb);
    db = beta * (dl2 - dl) + c * db;
    ub = beta * (ul2 - ul) + c * ub;
    vb = beta * (vl2 - vl) + c * vb;
    dl = dl2; ul = ul2; vl = vl2;
  }
  const det = spp * sqq - spq * spq;
  let level0: number;
  let trend0: number;
  if (det > 1e-12 * spp * sqq) {
    level0 = (sqq * spr - spq * sqr) / det;
    trend0 = (spp * sqr - spq * spr) / det;
  } else {
    // ℓ₀ and b₀ act through the same direction (e.g. α = 1, β = 0 with one point); pick the ℓ₀-only solution.
    level0 = spp > 0 ? spr / spp : 0;
    trend0 = 0;
  }
  return { sse: holtSse(y, alpha, beta, level0, trend0).sse, level0, trend0 };
}

/**
 * The SSE of the one-step-ahead fit for given parameters and initial state, plus the final state (the forecast
 * origin): ŷ_{n+h} = ℓₙ + h bₙ.
 */
export function holtSse(y: Float64Array, alpha: number, beta: number, level0: number, trend0: number): { sse: number; level: number; trend: number } {
  let level = level0;
  let trend = trend0;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t] - (level + trend);
    sse += e * e;
    const next = alpha * y[t] + (1 - alpha) * (level + trend);
    trend = beta * (next - level) + (1 - beta) * trend;
    level = next;
  }
  return { sse, level, trend };
}
