import type { Column } from "../table/types";
import { compareCodePoints } from "./compare-code-points";
import { formatIsoInstant } from "./format-iso-instant";

/** A group key as it appears in JSON: strings, numbers, booleans, ISO strings for datetimes. */
export type KeyValue = string | number | boolean;

export interface EncodedKey {
  /** Sorted rank of each selected row's key (same positions as the row index), -1 when missing. */
  ranks: Int32Array;
  /** Number of distinct keys among the rows: every rank below it occurs. */
  cardinality: number;
  /** The JSON key of a rank. */
  keyOf(rank: number): KeyValue;
}

/** Integer ranges up to this size are counted in a dense array (4 bytes each) instead of a Map. */
const DENSE_RANGE = 1 << 20;

/**
 * Maps one group_by column to dense, order-preserving integer ranks over the selected rows, so that grouping
 * is integer arithmetic and sorting groups is sorting integers. Strings rank by code point (Python's order;
 * an ordered column such as cut's bins by its dictionary order),
 * booleans false < true, numbers and datetimes ascending. Only values that occur get a rank.
 *
 * Distinct values are counted first, with memory independent of how many there are (a mark per dictionary code
 * or integer in range, or a Map that never grows past `limit`): when more than `limit` occur it returns null at
 * once, before any per-row rank array or key is built.
 *
 * @example encodeKeyColumn(regionColumn, rows)?.keyOf(0) // "east"
 */
export function encodeKeyColumn(column: Column, rows: Uint32Array, limit: number = Infinity): EncodedKey | null {
  if (column.type === "string") {
    const codes = column.codes;
    // mark[code]: 0 = not seen, later rank + 1.
    const mark = new Int32Array(column.dictionary.length);
    const seen: number[] = [];
    if (!markCodes(codes, rows, mark, seen, limit)) return null;
    const dictionary = column.dictionary;
    // Bins (an ordered column) group in bin order, as pandas groups an ordered Categorical.
    seen.sort(column.ordered === true ? (a, b) => a - b : (a, b) => compareCodePoints(dictionary[a], dictionary[b]));
    seen.forEach((code, rank) => (mark[code] = rank + 1));
    return { ranks: codeRanks(codes, rows, mark), cardinality: seen.length, keyOf: (rank) => dictionary[seen[rank]] };
  }
  const values = column.values;
  const toKey = (value: number): KeyValue =>
    column.type === "boolean" ? value === 1 : column.type === "datetime" ? formatIsoInstant(value) : value;
  // Integers on a small grid (booleans, years, ids, counts; dates at midnight and calendar periods, whose
  // milliseconds are whole days apart) are marked directly; anything else goes through a Map.
  const { min, max, step, integral } = gridOf(values, rows);
  if (max < min) return { ranks: new Int32Array(rows.length).fill(-1), cardinality: 0, keyOf: toKey };
  if (integral && (max - min) / step < Math.min(DENSE_RANGE, 4 * rows.length + 1024)) {
    const mark = new Int32Array((max - min) / step + 1);
    if (markSlots(values, rows, min, step, mark, limit) > limit) return null;
    const offsets: number[] = [];
    for (let offset = 0; offset < mark.length; offset++) if (mark[offset] !== 0) mark[offset] = offsets.push(offset);
    return { ranks: slotRanks(values, rows, min, step, mark), cardinality: offsets.length, keyOf: (rank) => toKey(offsets[rank] * step + min) };
  }
  const idOf = new Map<number, number>();
  const distinct: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== v || idOf.has(v)) continue;
    idOf.set(v, distinct.length);
    if (distinct.push(v) > limit) return null;
  }
  distinct.sort((a, b) => a - b);
  distinct.forEach((v, rank) => idOf.set(v, rank));
  const ranks = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    ranks[i] = v !== v ? -1 : idOf.get(v)!;
  }
  return { ranks, cardinality: distinct.length, keyOf: (rank) => toKey(distinct[rank]) };
}

// The per-row loops below are small functions of their own: V8 optimises a whole small function after a few
// calls, where a loop inside a larger one runs as on-stack-replaced code that is dropped at the loop's exit on
// every call (the code after it has no type feedback yet), which kept a one-off plan several times slower.

/** Marks each dictionary code the rows hold (1) and lists them in `seen`; false once more than `limit` occur. */
function markCodes(codes: Int32Array, rows: Uint32Array, mark: Int32Array, seen: number[], limit: number): boolean {
  for (let i = 0; i < rows.length; i++) {
    const code = codes[rows[i]];
    if (code < 0 || mark[code] !== 0) continue;
    mark[code] = 1;
    if (seen.push(code) > limit) return false;
  }
  return true;
}

/** Each row's rank from `mark` (rank + 1 per code), -1 for a missing value. */
function codeRanks(codes: Int32Array, rows: Uint32Array, mark: Int32Array): Int32Array {
  const ranks = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const code = codes[rows[i]];
    ranks[i] = code < 0 ? -1 : mark[code] - 1;
  }
  return ranks;
}

/** Marks the grid slot of each present value (1); returns how many distinct slots, stopping past `limit`. */
function markSlots(values: Float64Array, rows: Uint32Array, min: number, step: number, mark: Int32Array, limit: number): number {
  let distinct = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== v) continue;
    const slot = ((v - min) / step) | 0; // whole and below 2^31: an int32 index keeps the loop on fast paths
    if (mark[slot] !== 0) continue;
    mark[slot] = 1;
    if (++distinct > limit) return distinct;
  }
  return distinct;
}

/** Each row's rank from `mark` (rank + 1 per grid slot), -1 for a missing value. */
function slotRanks(values: Float64Array, rows: Uint32Array, min: number, step: number, mark: Int32Array): Int32Array {
  const ranks = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    ranks[i] = v !== v ? -1 : mark[((v - min) / step) | 0] - 1;
  }
  return ranks;
}

/** Euclid's algorithm on whole numbers below 2^53 (exact in doubles); gcd(0, b) = b. */
function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** The range of a column's values and the grid they lie on: step 0 for a single value, integral false off whole numbers. */
interface Grid {
  min: number;
  max: number;
  step: number;
  integral: boolean;
}

/** Grids of whole columns (all their rows), made once per value array: plans over a loaded table reuse them. */
const columnGrids = new WeakMap<Float64Array, Grid>();

/**
 * The range and grid of the values at `rows`. The grid's step is the greatest common divisor of the values'
 * distances to the first one (exact: integers below 2^53). A whole column's grid is cached per value array and
 * also serves any subset of its rows (their values lie on the same grid, inside the same range).
 */
function gridOf(values: Float64Array, rows: Uint32Array): Grid {
  const cached = columnGrids.get(values);
  if (cached !== undefined && (cached.max - cached.min) / Math.max(cached.step, 1) < 4 * rows.length + 1024) return cached;
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  let anchor = Number.NaN;
  let step = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (!integral) continue;
    if (!Number.isInteger(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER) integral = false;
    else if (anchor !== anchor) anchor = v;
    else if (step !== 1) {
      // Most values are on the grid already: a division and a product (exact below 2^53) instead of fmod.
      const distance = Math.abs(v - anchor);
      const quotient = distance / step;
      if (!(Number.isInteger(quotient) && quotient * step === distance)) step = greatestCommonDivisor(step, distance);
    }
  }
  const grid = { min, max, step: step === 0 ? 1 : step, integral };
  // Rows as many as the column's values are all of them (a frame never repeats a row).
  if (rows.length === values.length) columnGrids.set(values, grid);
  return grid;
}
