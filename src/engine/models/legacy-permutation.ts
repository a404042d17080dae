import { EngineError } from "../errors";
import { mt19937 } from "./mt19937";

/**
 * numpy's `np.random.RandomState(seed).permutation(n)` (legacy seeding and shuffle, unchanged since numpy
 * 1.x and relied on by scikit-learn's `random_state`): arange(n) shuffled by Fisher-Yates from the last
 * position down, each swap partner j in [0, i] drawn by masked rejection (`random_interval`: draw 32-bit
 * outputs, keep the bits under the smallest all-ones mask >= i, retry while the result exceeds i).
 * Reproduced draw for draw, so the order is identical, not merely equally random.
 *
 * Seeds are numpy's: an integer in [0, 2³² - 1], else `invalid_parameter`. n up to 2³² - 1 (the 32-bit draw
 * branch numpy takes for every bound below 2³²).
 *
 * @example legacyPermutation(42, 5) // Uint32Array [1, 4, 2, 0, 3]
 */
export function legacyPermutation(seed: number, n: number): Uint32Array {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new EngineError("invalid_parameter", `random_state must be an integer between 0 and 4294967295 (numpy's seed range); got ${seed}.`);
  }
  const next = mt19937(seed);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i >= 1; i--) {
    let mask = i;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let j = (next() & mask) >>> 0;
    while (j > i) j = (next() & mask) >>> 0;
    const swap = out[i];
    out[i] = out[j];
    out[j] = swap;
  }
  return out;
}
