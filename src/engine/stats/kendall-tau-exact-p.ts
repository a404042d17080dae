/**
 * Exact p-value of Kendall's tau without ties, as scipy 1.10's `_kendall_p_exact(n, c, alternative)`, where
 * c is the number of concordant pairs among n: under the null hypothesis the number of discordant pairs is
 * the number of inversions of a random permutation, whose counts (Mahonian numbers) follow
 *
 *   I_j(k) = Σ_{i=0}^{min(k, j-1)} I_{j-1}(k - i),   P = I_n(k) / n!,
 *
 * here carried as probabilities (each step divides by j) and summed directly, without the subtractions
 * of scipy's running-sum form. By symmetry the smaller tail c' = min(c, n(n-1)/2 - c) is computed; the
 * two-sided p-value is twice it; a one-sided p-value is half the two-sided one when c lies on the
 * alternative's side, else 1 - half + P(c'). Closed forms for c' <= 1 (2/n!, 2/(n-1)!), which scipy sets
 * to 0 once n! overflows (n >= 171, resp. 172); clipped to [0, 1]. O(n²c') time: meant for the range where
 * scipy chooses the exact method (n <= 33, or c' <= 1).
 *
 * @example kendallTauExactP(5, 9, "two-sided") // 0.08333333333333333
 */
export function kendallTauExactP(n: number, concordant: number, alternative: "two-sided" | "less" | "greater"): number {
  const total = (n * (n - 1)) / 2;
  const inRightTail = concordant >= total - concordant;
  const c = Math.min(concordant, total - concordant);
  let twoSided: number;
  let massAtC: number;
  if (n === 1) {
    twoSided = 1;
    massAtC = 1;
  } else if (n === 2) {
    twoSided = 1;
    massAtC = 0.5;
  } else if (c === 0) {
    twoSided = n < 171 ? 2 / factorial(n) : 0;
    massAtC = twoSided / 2;
  } else if (c === 1) {
    twoSided = n < 172 ? 2 / factorial(n - 1) : 0;
    massAtC = (n - 1) / factorial(n);
  } else if (4 * c === n * (n - 1) && alternative === "two-sided") {
    twoSided = 1;
    massAtC = Number.NaN;
  } else {
    const probabilities = inversionProbabilities(n, c);
    let tail = 0;
    for (let k = 0; k <= c; k++) tail += probabilities[k];
    twoSided = 2 * tail;
    massAtC = probabilities[c];
  }
  let p = twoSided;
  if (alternative !== "two-sided") p = inRightTail === (alternative === "greater") ? twoSided / 2 : 1 - twoSided / 2 + massAtC;
  return Math.min(1, Math.max(0, p));
}

/** P(k inversions) for k = 0..limit among permutations of n. */
function inversionProbabilities(n: number, limit: number): Float64Array {
  let current = new Float64Array(limit + 1);
  let next = new Float64Array(limit + 1);
  current[0] = 1;
  for (let j = 2; j <= n; j++) {
    // Direct window sums of width j: no running-sum subtraction, so small tail entries keep their digits.
    for (let k = 0; k <= limit; k++) {
      let sum = 0;
      for (let i = Math.max(0, k - j + 1); i <= k; i++) sum += current[i];
      next[k] = sum / j;
    }
    [current, next] = [next, current];
  }
  return current;
}

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}
