/**
 * Deterministic even sampling: `max` positions spread evenly over `0..n-1`, position i = floor(i·n / max), or all
 * n positions when n <= max. Evenly strided by index, so the same data always gives the same picture and a
 * time-ordered series keeps its shape; first element always kept.
 *
 * @example strideIndexes(10, 4) // Uint32Array [0, 2, 5, 7]
 */
export function strideIndexes(n: number, max: number): Uint32Array {
  const count = Math.min(n, Math.max(0, Math.floor(max)));
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = Math.floor((i * n) / count);
  return out;
}

/**
 * An evenly strided subset of an array (see {@link strideIndexes}).
 *
 * @example strideSample(["a", "b", "c", "d"], 2) // ["a", "c"]
 */
export function strideSample<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return items.slice();
  return Array.from(strideIndexes(items.length, max), (i) => items[i]);
}
