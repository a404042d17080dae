/** Rows folded into the factor at a time: a block of b x q doubles stays in cache and amortises each reflector. */
const BLOCK_ROWS = 256;

/**
 * The upper-triangular factor R of Z = QR (q x q, column-major, R[i + j*q]) for the n x q matrix with columns
 *
 *   Z[:, j] = (columns[j][0..n) - shift[j]) * scale[j]   (each row times rowWeight[i] when given: √W Z for a
 *                                                         weighted least-squares or Fisher-information factor),
 *
 * without forming Z or Q and without modifying the input: Householder QR applied to one block of rows at a
 * time stacked under the R of the rows before it ([R; block] -> R'), the tall-skinny QR of least-squares
 * updating (as in Miller's AS 274, with Householder reflectors instead of Givens rotations). Backward stable
 * like a full Householder QR, in 2 n q² flops, with memory q² + 256 q doubles besides the input; ZᵀZ = RᵀR, so
 * column norms and linear dependencies of Z are those of R.
 *
 * Each reflector is LAPACK's dlarfg on (R_kk, block[:, k]): β = -sign(α) ‖(α, x)‖, τ = (β - α) / β,
 * v = (1, x / (α - β)); applying I - τ v vᵀ zeroes the block's column k and sets R_kk = β.
 *
 * @example triangularFactor([ones, x], 3, new Float64Array(2), new Float64Array([1, 1]))[0] // -sqrt(3)
 */
export function triangularFactor(
  columns: readonly Float64Array[],
  n: number,
  shift: Float64Array,
  scale: Float64Array,
  rowWeight?: Float64Array,
): Float64Array {
  const q = columns.length;
  const r = new Float64Array(q * q);
  const block = new Float64Array(BLOCK_ROWS * q);
  for (let start = 0; start < n; start += BLOCK_ROWS) {
    const m = Math.min(BLOCK_ROWS, n - start);
    for (let j = 0; j < q; j++) {
      const column = columns[j];
      const c = shift[j];
      const s = scale[j];
      const base = j * BLOCK_ROWS;
      for (let i = 0; i < m; i++) block[base + i] = (column[start + i] - c) * s;
      if (rowWeight !== undefined) for (let i = 0; i < m; i++) block[base + i] *= rowWeight[start + i];
    }
    for (let k = 0; k < q; k++) {
      const vk = k * BLOCK_ROWS;
      let sigma = 0;
      for (let i = 0; i < m; i++) sigma += block[vk + i] * block[vk + i];
      if (sigma === 0) continue;
      const alpha = r[k + k * q];
      const norm = Math.sqrt(alpha * alpha + sigma);
      const beta = alpha >= 0 ? -norm : norm;
      const tau = (beta - alpha) / beta;
      const inv = 1 / (alpha - beta);
      for (let i = 0; i < m; i++) block[vk + i] *= inv;
      r[k + k * q] = beta;
      for (let j = k + 1; j < q; j++) {
        const vj = j * BLOCK_ROWS;
        let w = r[k + j * q];
        for (let i = 0; i < m; i++) w += block[vk + i] * block[vj + i];
        w *= tau;
        r[k + j * q] -= w;
        for (let i = 0; i < m; i++) block[vj + i] -= w * block[vk + i];
      }
    }
  }
  return r;
}
