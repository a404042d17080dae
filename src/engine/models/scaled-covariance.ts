/**
 * (ZᵀZ)⁻¹ of the original parameters from the triangular factor of the preconditioned design (see
 * `columnScaling`): with T the k x k upper-triangular factor (rows [0, k) of the `order` columns of `t`, q x q
 * column-major), (Z_ᵀZ)⁻¹ = T⁻¹T⁻ᵀ in scaled units, and the parameters are b = G β with
 *
 *   G[j][j] = s_j,  and for an intercept (column 0)  G[0][j] = -c_j s_j  (a = a' - Σ b_j c_j),
 *
 * so the result is G T⁻¹ T⁻ᵀ Gᵀ (p x p, row-major). T⁻¹ by back substitution: the classical accurate route to
 * a least-squares covariance (error ~ cond(Z) eps, where inverting ZᵀZ would give cond(Z)² eps).
 *
 * @example scaledCovariance(t, 3, [0, 1], shift, scale, true)[0] // Var(intercept) / σ²
 */
export function scaledCovariance(
  t: Float64Array,
  q: number,
  order: readonly number[],
  shift: Float64Array,
  scale: Float64Array,
  intercept: boolean,
): Float64Array {
  const k = order.length;
  const inv = new Float64Array(k * k); // row-major upper triangular T⁻¹
  for (let c = k - 1; c >= 0; c--) {
    inv[c * k + c] = 1 / t[c + order[c] * q];
    for (let i = c - 1; i >= 0; i--) {
      let sum = 0;
      for (let l = i + 1; l <= c; l++) sum += t[i + order[l] * q] * inv[l * k + c];
      inv[i * k + c] = -sum / t[i + order[i] * q];
    }
  }
  // M = G T⁻¹ (k x k): row j is s_j · row j of T⁻¹, the intercept row also gets -Σ c_l s_l · row l.
  const m = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    const sj = scale[order[j]];
    for (let c = 0; c < k; c++) m[j * k + c] = sj * inv[j * k + c];
  }
  if (intercept && order[0] === 0) {
    for (let j = 1; j < k; j++) {
      const f = shift[order[j]] * scale[order[j]];
      if (f === 0) continue;
      for (let c = j; c < k; c++) m[c] -= f * inv[j * k + c];
    }
  }
  const cov = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let sum = 0;
      for (let c = 0; c < k; c++) sum += m[a * k + c] * m[b * k + c];
      cov[a * k + b] = sum;
      cov[b * k + a] = sum;
    }
  }
  return cov;
}
