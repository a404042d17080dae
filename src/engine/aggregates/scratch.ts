/**
 * Reusable typed arrays for kernels' temporary storage.
 *
 * Why: a fresh typed array is backed by fresh pages, and writing 145k doubles into one costs ~3.5 ms of page
 * faults (measured here), thirty times the loop itself; pandas' numpy allocator recycles its memory. Reusing
 * a few buffers removes that cost. Each slot is one buffer, grown to the largest request up to
 * {@link MAX_POOLED} elements (so at most ~2 MB per Float64 slot stays allocated); larger requests get a fresh
 * array. A view is valid until the next request of the same slot and its contents are arbitrary: callers fill
 * what they read, and no kernel holds a slot while calling another kernel that uses it (slots are named below).
 */
export const MAX_POOLED = 1 << 18;

/** Float64 slots. */
export const F64_VALUES = 0; // gathered column values: gatherPresent / gatherSeries
export const F64_FILLED = 1; // values with missing replaced by 0 (sum, mean, moments)
export const F64_SQUARES = 2; // squared deviations (moments)
export const F64_SAMPLES = 3; // groupedSamples' values in row order before they are placed per group
export const F64_POWERS = 4; // centralMoment's powers when its caller passes no scratch

/** Int32 slots. */
export const I32_IDS = 0; // valueIds' ids
export const I32_ID_OF = 1; // valueIds' id per dictionary code or per integer in range
export const I32_FIRST = 2; // valueIds' first positions while counting
export const I32_COUNTS = 3; // countValues' counts per grid slot (series quantiles)
export const I32_SAMPLE_GROUPS = 4; // groupedSamples' group of each gathered value

/** Uint32 slots. */
export const U32_ROWS = 0; // selectRows' row indexes while filters compact them

const float64Slots: Float64Array[] = [];
const int32Slots: Int32Array[] = [];
const uint32Slots: Uint32Array[] = [];

/**
 * A Float64Array view of `length` elements from slot `slot` (contents arbitrary).
 *
 * @example const buffer = scratchFloat64(F64_VALUES, rows.length);
 */
export function scratchFloat64(slot: number, length: number): Float64Array {
  if (length > MAX_POOLED) return new Float64Array(length);
  let buffer = float64Slots[slot];
  if (buffer === undefined || buffer.length < length) buffer = float64Slots[slot] = new Float64Array(grow(buffer?.length, length));
  return buffer.subarray(0, length);
}

/** An Int32Array view of `length` elements from slot `slot` (contents arbitrary). */
export function scratchInt32(slot: number, length: number): Int32Array {
  if (length > MAX_POOLED) return new Int32Array(length);
  let buffer = int32Slots[slot];
  if (buffer === undefined || buffer.length < length) buffer = int32Slots[slot] = new Int32Array(grow(buffer?.length, length));
  return buffer.subarray(0, length);
}

/** A Uint32Array view of `length` elements from slot `slot` (contents arbitrary). */
export function scratchUint32(slot: number, length: number): Uint32Array {
  if (length > MAX_POOLED) return new Uint32Array(length);
  let buffer = uint32Slots[slot];
  if (buffer === undefined || buffer.length < length) buffer = uint32Slots[slot] = new Uint32Array(grow(buffer?.length, length));
  return buffer.subarray(0, length);
}

function grow(current: number | undefined, length: number): number {
  return Math.min(MAX_POOLED, Math.max(length, 2 * (current ?? 512)));
}
