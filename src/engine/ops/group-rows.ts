import { EngineError } from "../errors";
import { frameColumn, type Frame } from "../frame/frame";
import type { Column } from "../table/types";
import { encodeKeyColumn, type EncodedKey, type KeyValue } from "./encode-key-column";

export interface Grouping {
  /** The selected rows that were grouped (positions below refer to this array). */
  rows: Uint32Array;
  /** Group of each position in `rows`, -1 when one of its keys is missing (pandas `dropna=True`). */
  groupOf: Int32Array;
  /** One entry per group, in ascending key order: the key values in group_by order. */
  keys: KeyValue[][];
  /** Rows per group. */
  sizes: Uint32Array;
}

/**
 * The most groups a grouped plan may make. Grouping stops as soon as a key (or key combination) past this
 * count is seen, before any per-group structure exists, so a group_by over a unique id costs one cheap scan
 * instead of a million key objects and results (the Worker isolate has 128 MB).
 */
export const MAX_GROUPS = 5000;

/** Error code thrown when a plan makes more than {@link MAX_GROUPS} groups. */
export const TOO_MANY_GROUPS = "too_many_groups";

/** Combined codes (previous group × next key's rank) up to this many are counted in a dense array, not a Map. */
const DENSE_LIMIT = 1 << 20;

/**
 * Groups the selected rows by the group_by columns, pandas `groupby(keys, sort=True, dropna=True)`: only key
 * combinations that occur become groups, sorted lexicographically by key; rows keep their order inside a group.
 *
 * Every key column is first reduced to sorted integer ranks of the values that occur (refused beyond `limit`).
 * Several keys are then combined one at a time: the groups of the first k keys (at most `limit`) times the
 * next key's ranks give integer codes whose numeric order is the lexicographic key order; the codes that occur
 * are counted as they appear and re-ranked, so no step ever holds more than `limit` + 1 groups. Only rows
 * where every key is present take part (a key combination count can only grow as keys are added).
 *
 * Throws EngineError `too_many_groups` when more than `limit` (default {@link MAX_GROUPS}) groups would exist.
 *
 * @example groupRows(frame, frame.rows, ["region"]).keys // [["east"], ["north"], ...]
 */
export function groupRows(frame: Frame, rows: Uint32Array, groupBy: readonly string[], limit: number = MAX_GROUPS): Grouping {
  return groupByColumns(groupBy.map((name, i) => frameColumn(frame, name, `plan.group_by[${i}]`)), rows, limit);
}

/**
 * {@link groupRows} over key columns already resolved (group_by entries that are periods of a datetime column
 * are columns made for the plan, not frame columns).
 *
 * @example groupByColumns([region], frame.rows).keys // [["east"], ["north"], ...]
 */
export function groupByColumns(columns: readonly Column[], rows: Uint32Array, limit: number = MAX_GROUPS): Grouping {
  // With several keys, a value only matters on rows where all the others are present too.
  const complete = columns.length > 1 ? completeRows(columns, rows) : rows;
  const encoded: EncodedKey[] = [];
  for (const column of columns) {
    const key = encodeKeyColumn(column, complete, limit);
    if (key === null) throw tooManyGroups(limit);
    encoded.push(key);
  }
  let groupOf = encoded[0].ranks;
  let count = encoded[0].cardinality;
  // For each group: its parent group over the keys before, and its rank in the last key (for decoding).
  const chain: Array<{ parent: Int32Array; rank: Int32Array }> = [];
  for (let k = 1; k < encoded.length; k++) {
    const step = combine(groupOf, count, encoded[k], limit);
    if (step === null) throw tooManyGroups(limit);
    groupOf = step.groupOf;
    count = step.parent.length;
    chain.push(step);
  }
  const keys: KeyValue[][] = [];
  for (let g = 0; g < count; g++) {
    const key: KeyValue[] = new Array(encoded.length);
    let at = g;
    for (let k = encoded.length - 1; k >= 1; k--) {
      key[k] = encoded[k].keyOf(chain[k - 1].rank[at]);
      at = chain[k - 1].parent[at];
    }
    key[0] = encoded[0].keyOf(at);
    keys.push(key);
  }
  if (complete !== rows) groupOf = spread(groupOf, complete, rows);
  return { rows, groupOf, keys, sizes: countSizes(groupOf, count) };
}

/** The row indexes of each group, in row order (for operations that need a group's values together). */
export function rowsByGroup(grouping: Grouping): Uint32Array[] {
  const out = Array.from(grouping.sizes, (size) => new Uint32Array(size));
  const fill = new Uint32Array(grouping.sizes.length);
  const { rows, groupOf } = grouping;
  for (let i = 0; i < rows.length; i++) {
    const g = groupOf[i];
    if (g >= 0) out[g][fill[g]++] = rows[i];
  }
  return out;
}

function tooManyGroups(limit: number): EngineError {
  const shown = String(limit).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return new EngineError(
    TOO_MANY_GROUPS,
    `The plan makes more than ${shown} groups (one per distinct group_by value or combination); add filters or group by fewer or coarser columns.`,
    { problems: [{ path: "plan.group_by", code: TOO_MANY_GROUPS, message: `More than ${shown} groups.` }] },
  );
}

/** The rows (of `rows`) where no key column is missing; `rows` itself when that is all of them. */
function completeRows(columns: readonly Column[], rows: Uint32Array): Uint32Array {
  const keep = new Uint8Array(rows.length).fill(1);
  let kept = rows.length;
  for (const column of columns) {
    if (column.type === "string") {
      const codes = column.codes;
      for (let i = 0; i < rows.length; i++) if (keep[i] === 1 && codes[rows[i]] < 0) { keep[i] = 0; kept--; }
    } else {
      const values = column.values;
      for (let i = 0; i < rows.length; i++) if (keep[i] === 1 && values[rows[i]] !== values[rows[i]]) { keep[i] = 0; kept--; }
    }
  }
  if (kept === rows.length) return rows;
  const out = new Uint32Array(kept);
  for (let i = 0, j = 0; i < rows.length; i++) if (keep[i] === 1) out[j++] = rows[i];
  return out;
}

/** Groups over `subset` (an ordered subsequence of `rows`) re-indexed by position in `rows`, -1 elsewhere. */
function spread(groupOf: Int32Array, subset: Uint32Array, rows: Uint32Array): Int32Array {
  const out = new Int32Array(rows.length).fill(-1);
  for (let i = 0, j = 0; i < rows.length && j < subset.length; i++) if (rows[i] === subset[j]) out[i] = groupOf[j++];
  return out;
}

/**
 * Refines groups 0..count-1 by one more key: code = group × cardinality + rank, counted as they occur (null once
 * more than `limit` occur), then re-ranked in code order. Every row has a group and a rank (complete rows).
 */
function combine(groupOf: Int32Array, count: number, key: EncodedKey, limit: number): { groupOf: Int32Array; parent: Int32Array; rank: Int32Array } | null {
  const c = key.cardinality;
  const ranks = key.ranks;
  const space = count * c;
  const codes: number[] = [];
  const out = new Int32Array(groupOf.length);
  if (space <= DENSE_LIMIT) {
    const slot = new Int32Array(space);
    for (let i = 0; i < groupOf.length; i++) {
      const code = groupOf[i] * c + ranks[i];
      if (slot[code] !== 0) continue;
      slot[code] = 1;
      if (codes.push(code) > limit) return null;
    }
    codes.sort((a, b) => a - b);
    codes.forEach((code, id) => (slot[code] = id));
    for (let i = 0; i < groupOf.length; i++) out[i] = slot[groupOf[i] * c + ranks[i]];
  } else {
    const seen = new Map<number, number>();
    for (let i = 0; i < groupOf.length; i++) {
      const code = groupOf[i] * c + ranks[i];
      if (seen.has(code)) continue;
      seen.set(code, 0);
      if (codes.push(code) > limit) return null;
    }
    codes.sort((a, b) => a - b);
    codes.forEach((code, id) => seen.set(code, id));
    for (let i = 0; i < groupOf.length; i++) out[i] = seen.get(groupOf[i] * c + ranks[i])!;
  }
  const parent = new Int32Array(codes.length);
  const rank = new Int32Array(codes.length);
  codes.forEach((code, id) => {
    rank[id] = code % c;
    parent[id] = (code - rank[id]) / c;
  });
  return { groupOf: out, parent, rank };
}

function countSizes(groupOf: Int32Array, groups: number): Uint32Array {
  const sizes = new Uint32Array(groups);
  for (let i = 0; i < groupOf.length; i++) if (groupOf[i] >= 0) sizes[groupOf[i]]++;
  return sizes;
}
