import type { Compiled, EvalContext } from "../compiled";
import { numbersOf, numberVector, stringsOf, type NumberVector, type StringVector } from "../vector";

/**
 * Functions of other rows (windows, ranks, z-scores) see each partition's values in window order: the argument
 * is evaluated once over every position, gathered into `context.order` order (partitions are consecutive there,
 * `context.segments` marks where each starts), computed partition by partition on contiguous typed arrays, and
 * scattered back. Positions outside every partition (a missing partition key) stay missing, as pandas'
 * `groupby(dropna=True).transform` leaves them.
 */

/**
 * Runs `kernel(input, output)` on each partition's values in window order (subarrays of one buffer, so no
 * allocation per partition); `output` starts as NaN.
 *
 * @example mapPartitions(compiled, "float", zScores) // scipy.stats.zscore per partition
 */
export function mapPartitions(inner: Compiled, type: NumberVector["type"], kernel: (input: Float64Array, output: Float64Array) => void): Compiled {
  return {
    type,
    usesRows: true,
    evaluate(context) {
      const values = numbersOf(inner.evaluate(context), context.size);
      const { order, segments } = context;
      const input = new Float64Array(order.length);
      for (let k = 0; k < order.length; k++) input[k] = values[order[k]];
      const output = new Float64Array(order.length).fill(Number.NaN);
      for (let s = 0; s + 1 < segments.length; s++) kernel(input.subarray(segments[s], segments[s + 1]), output.subarray(segments[s], segments[s + 1]));
      return numberVector(type, scatter(output, order, context.size));
    },
  };
}

/** out[order[k]] = sorted[k]; NaN at positions that are in no partition. */
function scatter(sorted: Float64Array, order: Uint32Array, size: number): Float64Array {
  const out = new Float64Array(size);
  if (order.length < size) out.fill(Number.NaN);
  for (let k = 0; k < order.length; k++) out[order[k]] = sorted[k];
  return out;
}

/**
 * String codes shifted within each partition (lag/lead of a string column): position k of the window order
 * takes the code at k - shift of the same partition, missing where that falls outside it.
 *
 * @example shiftCodes(context, stringsOf(value, size), 1) // lag by one row
 */
export function shiftCodes(context: EvalContext, strings: ReturnType<typeof stringsOf>, shift: number): StringVector {
  const { order, segments } = context;
  const codes = new Int32Array(context.size).fill(-1);
  for (let s = 0; s + 1 < segments.length; s++) {
    const start = segments[s];
    const end = segments[s + 1];
    for (let k = start; k < end; k++) {
      const from = k - shift;
      if (from >= start && from < end) codes[order[k]] = strings.codes[order[from]];
    }
  }
  return { kind: "string", codes, dictionary: strings.dictionary };
}
