/**
 * "Did you mean" for column names, enum values and filter values. The LLM (or a person) usually gets a name
 * almost right: another case, another separator style (`Total Sales` / `total_sales` / `totalSales`) or a typo.
 */

/** Names longer than this (after normalisation) are only matched exactly-after-normalisation: edit distance is O(n·m). */
const MAX_FUZZY_LENGTH = 64;
/** Fuzzy matching stops being worth its CPU past this many candidates (a string column's dictionary can be huge). */
const MAX_FUZZY_CANDIDATES = 5000;

/**
 * Folds case and drops separators (whitespace, `_`, `-`, `.`), so the three spellings of one name meet. camelCase
 * needs no split: lower-casing `totalSales` already gives `totalsales`. A name made only of separators keeps
 * its lower-cased form so it is not confused with every other such name.
 *
 * @example
 * normalizeName("Total Sales"); // "totalsales"
 * normalizeName("total_sales"); // "totalsales"
 */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  const folded = lower.replace(/[\s_\-.]+/gu, "");
  return folded.length > 0 ? folded : lower;
}

/**
 * Damerau-Levenshtein distance, optimal-string-alignment variant (insert, delete, substitute, swap adjacent),
 * on UTF-16 code units. Gives up early and returns `limit + 1` once every cell of a row exceeds `limit`,
 * because callers only care whether the distance is within a small threshold.
 *
 * @example
 * editDistance("slaes", "sales"); // 1 (one transposition)
 * editDistance("kitten", "sitting"); // 3
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let previous2 = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        best = Math.min(best, previous2[j - 2] + 1);
      }
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return limit + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[n];
}

/**
 * How many edits still count as "close" for a name of this (normalised) length: about one in three characters,
 * so a one-letter name never matches another one-letter name but `revenu` finds `revenue`.
 *
 * @example
 * closenessLimit(2); // 0
 * closenessLimit(7); // 2
 */
export function closenessLimit(length: number): number {
  return Math.floor(length / 3);
}

/**
 * The candidate closest to `name`, or undefined when none is close. An identical-after-normalisation candidate
 * always wins (distance 0); ties are broken by the raw, case-sensitive distance and then by candidate order, so
 * the answer is deterministic. `name` itself is never suggested.
 *
 * @example
 * suggestClosest("Total Sales", ["region", "total_sales"]); // "total_sales"
 * suggestClosest("revnue", ["revenue", "region"]);          // "revenue"
 * suggestClosest("foo", ["revenue", "region"]);              // undefined
 */
export function suggestClosest(name: string, candidates: readonly string[]): string | undefined {
  const target = normalizeName(name);
  const pool: string[] = [];
  for (const candidate of candidates) {
    if (candidate === name) continue;
    if (normalizeName(candidate) === target) return pickByRawDistance(name, candidates, target);
    pool.push(candidate);
  }
  if (target.length > MAX_FUZZY_LENGTH || pool.length > MAX_FUZZY_CANDIDATES) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let bestRaw = Number.POSITIVE_INFINITY;
  for (const candidate of pool) {
    const normalized = normalizeName(candidate);
    if (normalized.length > MAX_FUZZY_LENGTH) continue;
    const limit = closenessLimit(Math.max(target.length, normalized.length));
    const distance = editDistance(target, normalized, limit);
    if (distance > limit || distance > bestDistance) continue;
    const raw = editDistance(name, candidate);
    if (distance < bestDistance || raw < bestRaw) {
      best = candidate;
      bestDistance = distance;
      bestRaw = raw;
    }
  }
  return best;
}

/** Among the candidates equal to `name` after normalisation, the one with the fewest raw edits (first on a tie). */
function pickByRawDistance(name: string, candidates: readonly string[], target: string): string {
  let best: string | undefined;
  let bestRaw = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === name || normalizeName(candidate) !== target) continue;
    // Long names are compared only after normalisation; the first such candidate is as good as any.
    const raw = Math.max(name.length, candidate.length) > MAX_FUZZY_LENGTH ? 0 : editDistance(name, candidate);
    if (raw < bestRaw) {
      best = candidate;
      bestRaw = raw;
    }
  }
  return best as string;
}
