import { I32_COUNTS, scratchInt32 } from "../scratch";

/** Slots of the count array at most: past this the values are selected instead of counted. */
const MAX_SLOTS = 1 << 16;

/** The non-missing values of some rows, counted on a grid of 1/scale. */
export interface CountedValues {
  /** Non-missing values counted. */
  n: number;
  /** The k-th smallest (0-based) of them; the counts live in scratch slot I32_COUNTS until its next use. */
  at(k: number): number;
}

/**
 * Counts the non-missing values of `rows` when they are few-decimal numbers on a small range (prices, scores,
 * counts): with s the smallest power of ten (up to 10⁶) such that every value is the double nearest to a whole
 * number of 1/s (round(v·s) / s === v), each value has the slot round(v·s) - round(min·s), and slot / s
 * gives the value back exactly (magnitudes·s below 2^53). Order statistics are then a walk over the counts: O(n + range) with no gather and
 * no selection. Null when the values are not on such a grid or span more than 65,536 slots.
 *
 * @example countValues(Float64Array.of(1.5, 0.25, 1.5), Uint32Array.of(0, 1, 2))?.at(1) // 1.5
 */
export function countValues(values: Float64Array, rows: Uint32Array): CountedValues | null {
  let min = Infinity;
  let max = -Infinity;
  let scale = 1;
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== v) continue;
    n++;
    if (v < min) min = v;
    if (v > max) max = v;
    while (Math.round(v * scale) / scale !== v) {
      if (scale >= 1e6) return null;
      scale *= 10;
    }
  }
  // Slots are differences of whole numbers round(v·s): exact only below 2^53.
  if (n === 0 || Math.max(-min, max) * scale >= Number.MAX_SAFE_INTEGER) return null;
  const lowest = Math.round(min * scale);
  const slots = Math.round(max * scale) - lowest + 1;
  if (!(slots <= MAX_SLOTS)) return null;
  const counts = scratchInt32(I32_COUNTS, slots).fill(0);
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v === v) counts[Math.round(v * scale) - lowest]++;
  }
  return {
    n,
    at(k: number): number {
      let seen = 0;
      for (let slot = 0; slot < slots; slot++) {
        seen += counts[slot];
        if (seen > k) return (slot + lowest) / scale;
      }
      return Number.NaN;
    },
  };
}
