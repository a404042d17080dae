/**
 * Exact upper tail of the Mann-Whitney U statistic without ties, P(U >= u) for samples of sizes n1 and n2,
 * as scipy 1.10's exact `mannwhitneyu` distribution (`_mwu_state.sf`). Under the null hypothesis the number
 * of arrangements with U = k is the coefficient of qᵏ in the Gaussian binomial coefficient
 *
 *   [n1+n2 choose m]_q = ∏_{i=1}^{m} (1 - q^{N-m+i}) / (1 - q^i),   m = min(n1, n2), N = n1 + n2,
 *
 * expanded factor by factor (multiply by 1 - q^{N-m+i}, then divide by 1 - q^i as a running sum with stride
 * i) and truncated at the degree needed; P(U >= u) = P(U <= n1·n2 - u) by symmetry, divided by C(N, m),
 * or 1 - P(U <= u - 1) when that needs fewer coefficients. O(m · n1·n2) time and at most n1·n2/2 + 1
 * coefficients of memory, instead of scipy's O(n1·n2·(n1·n2)) recursion table.
 *
 * @example mannWhitneyUSf(18, 4, 5) // 0.031746031746031744 (4 of the 126 arrangements)
 */
export function mannWhitneyUSf(u: number, n1: number, n2: number): number {
  const total = n1 * n2;
  if (u <= 0) return 1;
  if (u > total) return 0;
  const degree = total - Math.ceil(u);
  // Past the centre, the complement needs the shorter expansion (at most n1·n2/2 coefficients).
  if (degree > total / 2) return 1 - lowerTail(Math.ceil(u) - 1, n1, n2);
  return lowerTail(degree, n1, n2);
}

/** P(U <= degree) from the Gaussian binomial coefficients truncated at `degree`. */
function lowerTail(degree: number, n1: number, n2: number): number {
  const m = Math.min(n1, n2);
  const other = Math.max(n1, n2);
  const counts = new Float64Array(degree + 1);
  counts[0] = 1;
  for (let i = 1; i <= m; i++) {
    const up = other + i;
    for (let k = degree; k >= up; k--) counts[k] -= counts[k - up];
    for (let k = i; k <= degree; k++) counts[k] += counts[k - i];
  }
  let cumulative = 0;
  for (let k = 0; k <= degree; k++) cumulative += counts[k];
  let arrangements = 1;
  for (let j = 1; j <= m; j++) arrangements = (arrangements * (other + j)) / j;
  return cumulative / arrangements;
}
