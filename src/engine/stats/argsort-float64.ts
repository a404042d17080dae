/**
 * Stable argsort of `values[0..length)` in ascending numeric order, by an LSD radix sort of the doubles'
 * bit patterns: `order[k]` is the index of the k-th smallest value, equal values keep their index order.
 *
 * Key transform: a double's 64 bits, read as an unsigned integer, order like the number once
 *   - positives (sign bit 0) get the sign bit set, so they sort above every negative, and
 *   - negatives (sign bit 1) get every bit inverted, so a larger magnitude sorts lower;
 * -0 is mapped to the key of +0 first, so the two are equal (a tie, as for `===` and scipy's `rankdata`).
 * ±Infinity and subnormals need nothing special. NaN's position is unspecified: callers drop NaN first (the
 * correlations only see complete pairs, see gatherPairs).
 *
 * Sort: the 64-bit key is kept as two Uint32 halves and sorted digit by digit from the least significant,
 * 11/11/10 bits per half (six passes). The low-half passes carry the indices and the low keys; then the high
 * keys are gathered into that order once and the high-half passes carry them instead. Every pass reads
 * sequentially and scatters into at most 2048 buckets whose counters fit in L1: at 145k values this is about
 * twice as fast as `Float64Array#sort` alone, let alone a comparator sort of indices. (16-bit digits, four
 * passes, were ~10% faster at 145k but 4x slower at 2k values because of their 256k counters; 8-bit digits,
 * eight passes, ~30% slower.) All histograms come from the key pass, and a pass whose digit is the same for
 * every key is skipped: small integers, for instance, skip the whole low half. Stable because each pass is.
 * Up to 64 values an insertion sort is used instead: the histograms would cost more than the sort.
 *
 * Complexity: O(length) time (at most 8 linear passes: keys, six digits, one gather) and O(length) extra
 * memory (5 Uint32 arrays, 20 bytes per value, plus 48 KB of counters).
 *
 * @example argsortFloat64(new Float64Array([3, -1, 0, -0, 2]), 5) // Uint32Array [1, 2, 3, 4, 0]
 */
export function argsortFloat64(values: Float64Array, length: number): Uint32Array {
  if (length <= SMALL) return insertionArgsort(values, length);
  const hi = new Uint32Array(length);
  const lo = new Uint32Array(length);
  const counts = orderedKeys(values, length, hi, lo);
  let order = identity(length);
  let spare: Uint32Array = new Uint32Array(length);
  let keys: Uint32Array = lo;
  let spareKeys: Uint32Array = new Uint32Array(length);
  let moved = false;
  for (let d = 0; d < 2 * DIGITS_PER_HALF; d++) {
    if (d === DIGITS_PER_HALF) {
      // The low half is sorted: bring the high half into the current order (one gather) and sort on it.
      if (moved) {
        for (let i = 0; i < length; i++) spareKeys[i] = hi[order[i]];
        [keys, spareKeys] = [spareKeys, keys];
      } else {
        keys = hi; // no low pass ran: the order is still the identity
      }
    }
    const offsets = bucketStarts(counts, d, length);
    if (offsets === null) continue;
    moved = true;
    const shift = SHIFTS[d % DIGITS_PER_HALF];
    const mask = MASKS[d % DIGITS_PER_HALF];
    for (let i = 0; i < length; i++) {
      const key = keys[i];
      const to = offsets[(key >>> shift) & mask]++;
      spare[to] = order[i];
      spareKeys[to] = key;
    }
    [order, spare] = [spare, order];
    [keys, spareKeys] = [spareKeys, keys];
  }
  return order;
}

/** Digit layout of each 32-bit half: bits [0, 11), [11, 22), [22, 32). */
const DIGITS_PER_HALF = 3;
const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;
const SHIFTS = [0, 11, 22];
const MASKS = [0x7ff, 0x7ff, 0x3ff];

/** Which 32-bit word of a double holds the sign and exponent: the second one on little-endian hosts. */
const HIGH_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Writes the order-preserving unsigned keys of the values, split into high and low 32-bit halves, and
 * returns the histogram of every digit position (the low half's digits, then the high half's): one pass.
 */
function orderedKeys(values: Float64Array, length: number, hi: Uint32Array, lo: Uint32Array): Uint32Array {
  // A Float64Array's byteOffset is a multiple of 8, so the Uint32 view is always aligned.
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * length);
  const counts = new Uint32Array(2 * DIGITS_PER_HALF * RADIX);
  for (let i = 0; i < length; i++) {
    let h = words[2 * i + HIGH_WORD];
    let l = words[2 * i + 1 - HIGH_WORD];
    if (h < 0x80000000) {
      h = (h | 0x80000000) >>> 0;
    } else if (h === 0x80000000 && l === 0) {
      // -0 takes the key of +0 (h is already 0x80000000).
    } else {
      h = ~h >>> 0;
      l = ~l >>> 0;
    }
    hi[i] = h;
    lo[i] = l;
    counts[l & 0x7ff]++;
    counts[RADIX + ((l >>> 11) & 0x7ff)]++;
    counts[2 * RADIX + (l >>> 22)]++;
    counts[3 * RADIX + (h & 0x7ff)]++;
    counts[4 * RADIX + ((h >>> 11) & 0x7ff)]++;
    counts[5 * RADIX + (h >>> 22)]++;
  }
  return counts;
}

/** Exclusive prefix sums of digit position d's histogram, or null when every key has the same digit there. */
function bucketStarts(counts: Uint32Array, d: number, length: number): Uint32Array | null {
  const histogram = counts.subarray(d * RADIX, (d + 1) * RADIX);
  const starts = new Uint32Array(RADIX);
  let total = 0;
  for (let b = 0; b < RADIX; b++) {
    const c = histogram[b];
    if (c === length) return null;
    starts[b] = total;
    total += c;
  }
  return starts;
}

/**
 * Below this length the six histograms cost more than the sort: a stable insertion sort on `<` (which
 * already treats -0 and +0 as equal) is faster and needs no extra memory.
 */
const SMALL = 64;

function insertionArgsort(values: Float64Array, length: number): Uint32Array {
  const order = identity(length);
  for (let i = 1; i < length; i++) {
    const index = order[i];
    const v = values[index];
    let j = i;
    for (; j > 0 && v < values[order[j - 1]]; j--) order[j] = order[j - 1];
    order[j] = index;
  }
  return order;
}

function identity(length: number): Uint32Array {
  const order = new Uint32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  return order;
}
