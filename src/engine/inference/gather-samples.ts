import { EngineError } from "../errors";
import { frameColumn, frameValueColumn, type Frame } from "../frame/frame";
import { encodeKeyColumn, type KeyValue } from "../ops/encode-key-column";
import { MAX_GROUPS } from "../ops/group-rows";
import { coerceFilterValue } from "../plan/coerce-filter-value";
import type { Column } from "../table/types";
import { keyValueOf } from "./plan-values";
import type { ColumnValue } from "./test-params";

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
  const gathered = new Float64Array(n);
  const groupOfGathered = new Int32Array(n);
  const sizes = new Int32Array(names.length);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const g = groupOf[i];
    const v = values[rows[i]];
    if (g < 0 || v !== v) continue;
    gathered[used] = v;
    groupOfGathered[used++] = g;
    sizes[g]++;
  }
  const samples = names.map((name, g) => ({ name, values: new Float64Array(sizes[g]) }));
  const filled = new Int32Array(names.length);
  const arrays = samples.map((sample) => sample.values);
  for (let k = 0; k < used; k++) {
    const g = groupOfGathered[k];
    arrays[g][filled[g]++] = gathered[k];
  }
  return samples;
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
    for (let i = 0; i < rows.length; i++) {
      const code = column.codes[rows[i]];
      groupOf[i] = code < 0 ? -1 : byCode[code];
    }
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
    for (let i = 0; i < rows.length; i++) {
      const v = values[rows[i]];
      groupOf[i] = v >= lo && v <= hi && v === Math.floor(v) ? table[v - lo] : -1;
    }
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
