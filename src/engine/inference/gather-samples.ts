import { EngineError } from "../errors";
import { frameColumn, frameValueColumn, type Frame } from "../frame/frame";
import { encodeKeyColumn, type KeyValue } from "../ops/encode-key-column";
import { MAX_GROUPS } from "../ops/group-rows";
import { coerceFilterValue } from "../plan/coerce-filter-value";
import type { Column } from "../table/types";
import { keyValueOf } from "./plan-values";
import type { ColumnValue } from "./test-params";
import { F64_SAMPLES, I32_SAMPLE_GROUPS, scratchFloat64, scratchInt32 } from "../aggregates/scratch";

/** Integer group values spanning fewer than this many are looked up in a table rather than a Map. */
const DENSE_RANGE = 1 << 16;

/** One sample of a test: its name (a group's value or a column's name) and its values, missing ones dropped. */
export interface NamedSample {
  readonly name: KeyValue;
  readonly values: Float64Array;
}

/**
 * The non-missing values of a numeric column over the frame's rows, in row order (scipy's nan_policy="omit"
 * for one sample).
 *
 * @example columnSample(frame, "Fare", "plan.target_column").values.length
 */
export function columnSample(frame: Frame, name: string, path: string): NamedSample {
  const column = frameValueColumn(frame, name, path);
  const out = new Float64Array(frame.rows.length);
  let n = 0;
  for (const row of frame.rows) {
    const v = column.values[row];
    if (v === v) out[n++] = v;
  }
  return { name, values: out.slice(0, n) };
}

/**
 * target_column split by group_column: one sample per group named in `groups` (in that order, values coerced
 * to the column's type as filters coerce them), or per group that occurs (sorted as group keys are, at most
 * MAX_GROUPS) when `groups` is absent. Rows with a missing group or a missing value are left out (nan_policy
 * "omit" per sample); a named group with no rows is an empty sample.
 *
 * @example groupedSamples(frame, "Age", "Sex", ["male", "female"]).map((s) => s.name) // ["male", "female"]
 */
export function groupedSamples(frame: Frame, target: string, groupColumn: string, groups: readonly ColumnValue[] | undefined): NamedSample[] {
  const values = frameValueColumn(frame, target, "plan.target_column").values;
  const key = frameColumn(frame, groupColumn, "plan.group_column");
  const rows = frame.rows;
  const { groupOf, names } = groups === undefined ? occurringGroups(key, rows) : namedGroups(key, rows, groups);
  // One pass gathers the used values in row order with their group; a second places them per group.
  const n = rows.length;
  // Pooled buffers: fresh ones would cost more in page faults than the two passes (aggregates/scratch.ts).
  const gathered = scratchFloat64(F64_SAMPLES, n);
  const groupOfGathered = scratchInt32(I32_SAMPLE_GROUPS, n);
  const sizes = new Int32Array(names.length);
  const used = gatherGrouped(values, rows, groupOf, gathered, groupOfGathered, sizes);
  const samples = names.map((name, g) => ({ name, values: new Float64Array(sizes[g]) }));
  placeGrouped(gathered, groupOfGathered, used, samples.map((sample) => sample.values));
  return samples;
}

// The per-row loops are small functions of their own: V8 optimises a whole small function after a few calls,
// where a loop inside a larger one runs as on-stack-replaced code dropped at the loop's exit on every call
// (the code after it has no type feedback yet), which kept a one-off test several times slower than warm.

/** Copies the present values of rows in a group, in row order, with their group; counts each group's values. */
function gatherGrouped(values: Float64Array, rows: Uint32Array, groupOf: Int32Array, gathered: Float64Array, groupOfGathered: Int32Array, sizes: Int32Array): number {
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i];
    const v = values[rows[i]];
    if (g < 0 || v !== v) continue;
    gathered[used] = v;
    groupOfGathered[used++] = g;
    sizes[g]++;
  }
  return used;
}

/** Appends each gathered value to its group's array, keeping row order within a group. */
function placeGrouped(gathered: Float64Array, groupOfGathered: Int32Array, used: number, arrays: Float64Array[]): void {
  const filled = new Int32Array(arrays.length);
  for (let k = 0; k < used; k++) {
    const g = groupOfGathered[k];
    arrays[g][filled[g]++] = gathered[k];
  }
}

/**
 * The group of each selected row (-1: none) for groups that occur, sorted as pandas sorts group keys; more than
 * MAX_GROUPS is `too_many_groups`.
 *
 * @example occurringGroups(regionColumn, rows).names // ["E", "N", "NE", ...]
 */
export function occurringGroups(column: Column, rows: Uint32Array): { groupOf: Int32Array; names: KeyValue[] } {
  const encoded = encodeKeyColumn(column, rows, MAX_GROUPS);
  if (encoded === null) {
    throw new EngineError("too_many_groups", `"${column.name}" has more than ${MAX_GROUPS} distinct values among the selected rows; name the groups to compare in groups.`);
  }
  return { groupOf: encoded.ranks, names: Array.from({ length: encoded.cardinality }, (_, rank) => encoded.keyOf(rank)) };
}

/**
 * The group of each selected row (-1: none) among the named groups, in the order named, the values coerced to the
 * column's type as filter values are.
 *
 * @example namedGroups(sexColumn, rows, ["male", "female"]).groupOf // Int32Array [0, 1, 1, -1, ...]
 */
export function namedGroups(column: Column, rows: Uint32Array, groups: readonly ColumnValue[]): { groupOf: Int32Array; names: KeyValue[] } {
  const groupOf = new Int32Array(rows.length).fill(-1);
  const coerced = groups.map((value, i) => {
    const c = coerceFilterValue(column.type, value);
    if (c === null) {
      throw new EngineError("uncoercible_value", `groups[${i}] ${JSON.stringify(value)} is not a value of "${column.name}".`, {
        problems: [{ path: `plan.groups[${i}]`, code: "uncoercible_value", message: `Not a value of "${column.name}" (${column.type}).` }],
      });
    }
    return c;
  });
  const names = coerced.map((c) => keyValueOf(column.type, c));
  if (column.type === "string") {
    const position = new Map<string, number>();
    coerced.forEach((c, g) => position.set(c as string, g));
    const byCode = new Int32Array(column.dictionary.length);
    for (let code = 0; code < byCode.length; code++) byCode[code] = position.get(column.dictionary[code]) ?? -1;
    groupsByCode(column.codes, rows, byCode, groupOf);
    return { groupOf, names };
  }
  const wanted = coerced as number[];
  const values = column.values;
  const lo = Math.min(...wanted);
  const hi = Math.max(...wanted);
  if (wanted.every(Number.isInteger) && hi - lo < DENSE_RANGE) {
    // Booleans, codes, years: a table indexed by the value instead of a Map lookup per row.
    const table = new Int32Array(hi - lo + 1).fill(-1);
    wanted.forEach((c, g) => (table[c - lo] = g));
    groupsByTable(values, rows, table, lo, hi, groupOf);
    return { groupOf, names };
  }
  const position = new Map<number, number>();
  wanted.forEach((c, g) => position.set(c === 0 ? 0 : c, g));
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    groupOf[i] = v !== v ? -1 : (position.get(v === 0 ? 0 : v) ?? -1);
  }
  return { groupOf, names };
}

/** The group of each row through its dictionary code (-1: missing or not a named group). */
function groupsByCode(codes: Int32Array, rows: Uint32Array, byCode: Int32Array, groupOf: Int32Array): void {
  for (let i = 0; i < rows.length; i++) {
    const code = codes[rows[i]];
    groupOf[i] = code < 0 ? -1 : byCode[code];
  }
}

/** The group of each row through a table indexed by integer value from `lo` (-1: outside, fractional or missing). */
function groupsByTable(values: Float64Array, rows: Uint32Array, table: Int32Array, lo: number, hi: number, groupOf: Int32Array): void {
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    groupOf[i] = v >= lo && v <= hi && v === Math.floor(v) ? table[v - lo] : -1;
  }
}
