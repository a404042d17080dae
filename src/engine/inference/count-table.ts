import { EngineError } from "../errors";
import { frameColumn, type Frame } from "../frame/frame";
import { encodeKeyColumn, type KeyValue } from "../ops/encode-key-column";
import { coerceFilterValue } from "../plan/coerce-filter-value";
import { keyValueOf } from "./plan-values";
import { namedGroups, occurringGroups } from "./gather-samples";
import type { ColumnValue } from "./test-params";

/** Cells a contingency table (or categories a goodness-of-fit test) may have: more is unreadable and meaningless. */
export const MAX_TABLE_CELLS = 10_000;

export interface ContingencyTable {
  /** Values of group_column (the named groups in order, else every one sorted). */
  rowLabels: KeyValue[];
  /** Values of target_column that occur in the counted rows, sorted. */
  columnLabels: KeyValue[];
  /** Counts row by row (rows x columns). */
  counts: Float64Array;
}

/**
 * `pd.crosstab(df[group_column], df[target_column])` over the rows where both are present (and the group is one
 * of `groups` when given, in that order): the observed table of chi2_contingency. Refuses more than
 * MAX_TABLE_CELLS cells (`too_many_groups`).
 *
 * @example contingencyTable(frame, "Survived", "Sex").counts // Float64Array [81, 233, 468, 109]
 */
export function contingencyTable(frame: Frame, target: string, groupColumn: string, groups: readonly ColumnValue[] | undefined): ContingencyTable {
  const rowsKey = frameColumn(frame, groupColumn, "plan.group_column");
  const columnsKey = frameColumn(frame, target, "plan.target_column");
  const { groupOf, names } = groups === undefined ? occurringGroups(rowsKey, frame.rows) : namedGroups(rowsKey, frame.rows, groups);
  const { rows: used, groups: usedGroup } = rowsInGroups(frame.rows, groupOf);
  const encoded = encodeKeyColumn(columnsKey, used, MAX_TABLE_CELLS);
  const columns = encoded?.cardinality ?? Infinity;
  if (encoded === null || names.length * columns > MAX_TABLE_CELLS) {
    throw new EngineError("too_many_groups", `The contingency table of "${groupColumn}" by "${target}" would have more than ${MAX_TABLE_CELLS.toLocaleString("en-US")} cells; name fewer groups or filter the rows.`);
  }
  const counts = new Float64Array(names.length * columns);
  for (let k = 0; k < used.length; k++) {
    const c = encoded.ranks[k];
    if (c >= 0) counts[usedGroup[k] * columns + c]++;
  }
  return { rowLabels: names, columnLabels: Array.from({ length: columns }, (_, c) => encoded.keyOf(c)), counts };
}

/** The rows that fall in a group, and their groups, in row order (typed arrays: this runs over every selected row). */
function rowsInGroups(rows: Uint32Array, groupOf: Int32Array): { rows: Uint32Array; groups: Int32Array } {
  const kept = new Uint32Array(rows.length);
  const groups = new Int32Array(rows.length);
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i];
    if (g >= 0) {
      kept[used] = rows[i];
      groups[used++] = g;
    }
  }
  return { rows: kept.subarray(0, used), groups: groups.subarray(0, used) };
}

export interface CategoryCounts {
  /** The categories: values that occur (sorted), then listed values that never occur, in the order listed. */
  values: KeyValue[];
  observed: Float64Array;
  /** Expected proportions in the same order, when given. */
  proportions?: Float64Array;
}

/**
 * The count of each value of target_column over the frame's rows (missing values not counted), the observed
 * frequencies of chisquare. With expected proportions, every value that occurs must have one (else
 * `invalid_input`), and a listed value that never occurs is a category with count 0.
 *
 * @example categoryCounts(frame, "Embarked").observed // Float64Array [168, 77, 644]
 */
export function categoryCounts(frame: Frame, target: string, expected?: ReadonlyArray<{ value: ColumnValue; proportion: number }>): CategoryCounts {
  const column = frameColumn(frame, target, "plan.target_column");
  const encoded = encodeKeyColumn(column, frame.rows, MAX_TABLE_CELLS);
  if (encoded === null) {
    throw new EngineError("too_many_groups", `"${target}" has more than ${MAX_TABLE_CELLS.toLocaleString("en-US")} distinct values; a goodness-of-fit test over that many categories is meaningless.`);
  }
  const values = Array.from({ length: encoded.cardinality }, (_, rank) => encoded.keyOf(rank));
  const observedCounts = new Array<number>(values.length).fill(0);
  for (const rank of encoded.ranks) if (rank >= 0) observedCounts[rank]++;
  if (expected === undefined) return { values, observed: Float64Array.from(observedCounts) };
  const position = new Map(values.map((value, k) => [JSON.stringify(value), k] as const));
  const proportions = new Array<number>(values.length).fill(Number.NaN);
  for (const entry of expected) {
    const coerced = coerceFilterValue(column.type, entry.value);
    if (coerced === null) throw new EngineError("uncoercible_value", `${JSON.stringify(entry.value)} is not a value of "${target}".`);
    const key = JSON.stringify(keyValueOf(column.type, coerced));
    let k = position.get(key);
    if (k === undefined) {
      k = values.length;
      position.set(key, k);
      values.push(keyValueOf(column.type, coerced));
      observedCounts.push(0);
      proportions.push(Number.NaN);
    }
    proportions[k] = entry.proportion;
  }
  const missing = values.filter((_, k) => Number.isNaN(proportions[k]));
  if (missing.length > 0) {
    throw new EngineError(
      "invalid_input",
      `Every value of "${target}" that occurs needs an expected proportion; ${missing.slice(0, 5).map((v) => JSON.stringify(v)).join(", ")}${missing.length > 5 ? ", ..." : ""} ${missing.length === 1 ? "has" : "have"} none.`,
    );
  }
  return { values, observed: Float64Array.from(observedCounts), proportions: Float64Array.from(proportions) };
}
