/** Bins of a histogram: `edges.length === counts.length + 1`; bin i is [edges[i], edges[i+1]), the last one closed. */
export interface HistogramBins {
  edges: number[];
  counts: number[];
}

/** Bins aimed at: enough to show a shape, few enough that each bar holds a readable count. */
export const TARGET_BINS = 20;

/**
 * A "nice" bin width near (max - min) / target: 1, 2 or 5 × 10^k, the same rule as d3's `tickIncrement`
 * (the raw width is rounded to the nearest nice step on a log scale: factor 10 above √50, 5 above √10, 2 above √2).
 * Nice edges make the axis labels the bin boundaries themselves (0, 5, 10... not 0.37, 5.41...).
 *
 * @example niceBinWidth(0, 100, 20) // 5
 */
export function niceBinWidth(min: number, max: number, target = TARGET_BINS): number {
  // max - min overflows past ±1.8e308 (values near ±1e308); each term divided first stays finite.
  const span = max - min;
  const raw = Number.isFinite(span) ? span / target : max / target - min / target;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return factor * 10 ** power;
}

/**
 * Bins NaN-free values on nice edges: width w = {@link niceBinWidth}(min, max), edges from ⌊min/w⌋·w to
 * ⌈max/w⌉·w (so 10..40 bins for a target of 20), counts as numpy.histogram(values, bins=edges): half-open bins,
 * the last one closed so max is counted. Edges are computed as k·w, or k / (1/w) for w < 1 so 0.1-steps print as
 * 0.3, not 0.30000000000000004. All-equal values get one bin [v - 0.5, v + 0.5] (numpy's default range).
 * Every edge is finite: when a nice edge would pass ±1.8e308, the range is cut into `target` equal bins from
 * min to max instead. Empty input gives no bins.
 *
 * @example histogramBins(Float64Array.of(1, 2, 2, 3, 10)).edges.slice(0, 3) // [1, 1.5, 2]
 */
export function histogramBins(values: Float64Array, target = TARGET_BINS): HistogramBins {
  if (values.length === 0) return { edges: [], counts: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) { if (v < min) min = v; if (v > max) max = v; }
  if (min === max) return { edges: [min - 0.5, min + 0.5], counts: [values.length] };
  const { edges, width } = binEdges(min, max, target);
  const counts = new Array<number>(edges.length - 1).fill(0);
  const last = counts.length - 1;
  for (const v of values) {
    let i = Math.min(last, Math.max(0, Math.floor((v - edges[0]) / width)));
    // The division can land one bin off at an edge; the edges themselves decide, as in numpy's searchsorted.
    while (i > 0 && v < edges[i]) i--;
    while (i < last && v >= edges[i + 1]) i++;
    counts[i]++;
  }
  return { edges, counts };
}

/** Nice edges enclosing [min, max] (see histogramBins) and their spacing. */
function binEdges(min: number, max: number, target: number): { edges: number[]; width: number } {
  const width = niceBinWidth(min, max, target);
  const inverse = width < 1 ? Math.round(1 / width) : 0;
  const edgeAt = (k: number) => (inverse > 0 ? k / inverse : k * width);
  let start = Math.floor(min / width);
  let stop = Math.ceil(max / width);
  // min / width can round across an integer; the edges must still enclose every value.
  if (edgeAt(start) > min) start--;
  if (edgeAt(stop) < max) stop++;
  if (stop === start) stop = start + 1;
  const edges = Array.from({ length: stop - start + 1 }, (_, i) => edgeAt(start + i));
  if (Number.isFinite(edges[0]) && Number.isFinite(edges[edges.length - 1])) return { edges, width };
  // Near ±1.8e308 the enclosing nice edges overflow: `target` equal bins from min to max instead, each edge
  // counted from the nearer end so that no k·step passes half the range.
  const step = max / target - min / target;
  const edge = (k: number) => (2 * k <= target ? min + k * step : max - (target - k) * step);
  return { edges: Array.from({ length: target + 1 }, (_, k) => edge(k)), width: step };
}
