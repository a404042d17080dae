/**
 * The null distribution of the Wilcoxon signed-rank statistic R⁺ (sum of the ranks of the positive
 * differences, no ties or zeros) for n differences, as counts: `counts[r]` is the number of the 2ⁿ sign
 * patterns with R⁺ = r, r = 0..n(n+1)/2, from the recursion
 *
 *   c_k(r) = c_{k-1}(r) + c_{k-1}(r - k)
 *
 * (scipy 1.10's `_get_wilcoxon_distr` builds the same distribution as probabilities c/2ⁿ). The counts are
 * integers below 2⁵³ for n <= 50 (the exact range scipy uses), so tail sums divided by 2ⁿ are exact.
 *
 * @example wilcoxonSignedRankCounts(3) // Float64Array [1, 1, 1, 2, 1, 1, 1]
 */
export function wilcoxonSignedRankCounts(n: number): Float64Array {
  const maxSum = (n * (n + 1)) / 2;
  const counts = new Float64Array(maxSum + 1);
  counts[0] = 1;
  let top = 0;
  for (let k = 1; k <= n; k++) {
    top += k;
    for (let r = top; r >= k; r--) counts[r] += counts[r - k];
  }
  return counts;
}
