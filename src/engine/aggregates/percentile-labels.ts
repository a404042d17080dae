/**
 * pandas' labels for describe() percentiles ("25%", "33.3%", "99.99%"), as pandas 2.x formats them
 * (`pandas.io.formats.format.format_percentiles`): with p = 100·q and a precision
 *
 *   prec(a) = max(1, -⌊log10(min |Δ|)⌋),  Δ over [a₀ (if > 0), a₁ - a₀, …, 100 - a_last (if < 100)],
 *
 * every label is p rounded to whole when p is within np.isclose of round(p, prec(p)) cast to int (all labels
 * then), otherwise p rounded to prec(unique p) decimals and printed as Python prints a float. pandas 1.5 tested
 * the truncated p instead, so 0.29 (p = 28.999999999999996) gave "29.0%" where 2.x (and this) gives "29%".
 * Percentiles are describe()'s sorted, distinct list.
 *
 * @example percentileLabels([0.25, 0.5, 0.75]) // ["25%", "50%", "75%"]
 * @example percentileLabels([0.01999, 0.02001, 0.5, 0.666666, 0.9999]) // ["1.999%", "2.001%", "50%", "66.667%", "99.99%"]
 */
export function percentileLabels(percentiles: readonly number[]): string[] {
  const p = percentiles.map((q) => 100 * q);
  const wholes = p.map((x) => Math.trunc(roundTo(x, precision(p))));
  const isWhole = p.map((x, i) => Math.abs(wholes[i] - x) <= 1e-8 + 1e-5 * Math.abs(x));
  if (isWhole.every(Boolean)) return wholes.map((w) => `${w}%`);
  const digits = precision([...new Set(p)].sort((a, b) => a - b));
  return p.map((x, i) => (isWhole[i] ? `${Math.trunc(roundTo(x, 0))}%` : `${pythonFloat(roundTo(x, digits))}%`));
}

/** pandas' `get_precision`: enough decimals to tell neighbours (and 0 and 100) apart, at least 1. */
function precision(sorted: readonly number[]): number {
  const gaps: number[] = [];
  if (sorted[0] > 0) gaps.push(sorted[0]);
  for (let i = 1; i < sorted.length; i++) gaps.push(Math.abs(sorted[i] - sorted[i - 1]));
  if (sorted[sorted.length - 1] < 100) gaps.push(100 - sorted[sorted.length - 1]);
  return Math.max(1, -Math.floor(Math.log10(Math.min(...gaps))));
}

/** numpy's `round(x, decimals)`: x·10ᵈ rounded half to even, divided by 10ᵈ. */
function roundTo(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  const y = x * scale;
  let r = Math.round(y);
  if (r - y === 0.5 && r % 2 !== 0) r -= 1;
  return r / scale;
}

/** Python's `repr` of a float: shortest digits, ".0" on whole numbers, exponent form below 1e-4 ("1e-05"). */
function pythonFloat(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  if (x !== 0 && Math.abs(x) < 1e-4) {
    const [mantissa, exponent] = x.toExponential().split("e");
    const sign = exponent[0] === "-" ? "-" : "+";
    return `${mantissa}e${sign}${exponent.replace(/^[+-]/, "").padStart(2, "0")}`;
  }
  return String(x);
}
