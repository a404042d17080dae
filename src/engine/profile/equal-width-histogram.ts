/** Counts per bin: `edges.length === counts.length + 1`; bin i is [edges[i], edges[i+1]), the last one closed. */
export interface Histogram {
  edges: number[];
  counts: number[];
}

/**
 * `numpy.histogram(finite_values, bins=bins)` (numpy 1.24): `bins` equal-width bins from the smallest to the
 * largest finite value (widened to [v - 0.5, v + 0.5] when they are equal), edges as `numpy.linspace` computes
 * them (first + k·step with step = (last - first) / bins, the last edge set to `last`), and each value placed
 * by numpy's equal-bin fast path: i = ⌊(x - first)·bins / (last - first)⌋, the maximum into the last bin, then
 * moved one bin down or up when that rounding put it across an edge. NaN and ±∞ are skipped, so a column's
 * values can be passed as they are (missing = NaN).
 *
 * Returns null where numpy has no answer (no finite value: it would raise) or where double precision cannot
 * bin the range: max - min overflows (±1e308) or bins / (max - min) does (a subnormal range, or ±0.5 lost on
 * a value above 2^53).
 *
 * @example
 * equalWidthHistogram(Float64Array.of(1, 2, 2, 3, NaN), 2);
 * // { edges: [1, 2, 3], counts: [1, 3] }
 */
export function equalWidthHistogram(values: Float64Array, bins: number): Histogram | null {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    // x - x is 0 for finite x and NaN for NaN and ±Infinity
    if (x - x !== 0) continue;
    count++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (count === 0 || !(bins >= 1)) return null;
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const delta = last - first;
  const norm = bins / delta;
  if (!(delta > 0) || !Number.isFinite(delta) || !Number.isFinite(norm)) return null;

  // typed arrays in the loop (holey JS arrays made the binning pass about 3x slower), plain arrays for JSON
  const edges = new Float64Array(bins + 1);
  // numpy.linspace's underflow branch (step === 0) cannot arise here: a finite norm means delta / bins > 0
  const step = delta / bins;
  for (let k = 0; k < bins; k++) edges[k] = k * step + first;
  edges[bins] = last;

  const counts = new Float64Array(bins);
  const lastBin = bins - 1;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x - x !== 0) continue;
    let bin = Math.trunc((x - first) * norm);
    if (bin >= bins) bin = lastBin;
    if (x < edges[bin]) bin--;
    else if (bin !== lastBin && x >= edges[bin + 1]) bin++;
    counts[bin]++;
  }
  return { edges: Array.from(edges), counts: Array.from(counts) };
}
