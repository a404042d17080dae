import type { Table } from "../table/types";
import { encodeKeyColumn, type EncodedKey, type KeyValue } from "./encode-key-column";
import { findColumn } from "./find-column";

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

/** Above this many combined ranks, groups are found through a Map instead of a dense counting array. */
const DENSE_LIMIT = 1 << 22;

/**
 * Groups the selected rows by the group_by columns, pandas `groupby(keys, sort=True, dropna=True)`: only key
 * combinations that occur become groups, sorted lexicographically by key; rows keep their order inside a group.
 *
 * Every key column is first reduced to sorted integer ranks, so a row's combined key is one integer
 * (r1·c2 + r2)·c3 + r3 whose numeric order is the lexicographic key order; the common case (a few thousand
 * combinations) is then a counting pass over a dense array.
 *
 * @example groupRows(table, selectRows(table, []).rows, ["region"]).keys // [["east"], ["north"], ...]
 */
export function groupRows(table: Table, rows: Uint32Array, groupBy: readonly string[]): Grouping {
  const encoded = groupBy.map((name, i) => encodeKeyColumn(findColumn(table, name, `plan.group_by[${i}]`), rows));
  let space = 1;
  for (const key of encoded) space *= Math.max(key.cardinality, 1);
  if (space > Number.MAX_SAFE_INTEGER) return groupByTuples(rows, encoded);
  // One key (the common case): its ranks already are the combined code.
  const combined = encoded.length === 1 ? encoded[0].ranks : combineRanks(rows.length, encoded);
  const groupOf = new Int32Array(rows.length);
  const codes: number[] = [];
  if (space <= DENSE_LIMIT) {
    const slot = new Int32Array(space);
    for (let i = 0; i < combined.length; i++) if (combined[i] >= 0) slot[combined[i]] = 1;
    let next = 0;
    for (let code = 0; code < space; code++) if (slot[code] === 1) { slot[code] = next++; codes.push(code); }
    for (let i = 0; i < combined.length; i++) groupOf[i] = combined[i] >= 0 ? slot[combined[i]] : -1;
  } else {
    const seen = new Map<number, number>();
    for (let i = 0; i < combined.length; i++) if (combined[i] >= 0) seen.set(combined[i], 0);
    codes.push(...[...seen.keys()].sort((a, b) => a - b));
    codes.forEach((code, id) => seen.set(code, id));
    for (let i = 0; i < combined.length; i++) groupOf[i] = combined[i] >= 0 ? seen.get(combined[i])! : -1;
  }
  const keys = codes.map((code) => decodeCombined(code, encoded));
  return { rows, groupOf, keys, sizes: countSizes(groupOf, keys.length) };
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

function combineRanks(length: number, encoded: EncodedKey[]): Float64Array | Int32Array {
  const combined = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    let code = 0;
    for (const key of encoded) {
      const rank = key.ranks[i];
      if (rank < 0) { code = -1; break; }
      code = code * key.cardinality + rank;
    }
    combined[i] = code;
  }
  return combined;
}

function decodeCombined(code: number, encoded: EncodedKey[]): KeyValue[] {
  const key: KeyValue[] = new Array(encoded.length);
  for (let k = encoded.length - 1; k >= 0; k--) {
    const c = encoded[k].cardinality;
    const rank = code % c;
    key[k] = encoded[k].keyOf(rank);
    code = (code - rank) / c;
  }
  return key;
}

function countSizes(groupOf: Int32Array, groups: number): Uint32Array {
  const sizes = new Uint32Array(groups);
  for (let i = 0; i < groupOf.length; i++) if (groupOf[i] >= 0) sizes[groupOf[i]]++;
  return sizes;
}

/** Fallback when the combined rank space exceeds 2^53 (three huge-cardinality keys): tuples compared in turn. */
function groupByTuples(rows: Uint32Array, encoded: EncodedKey[]): Grouping {
  const ids = new Map<string, number>();
  const tuples: number[][] = [];
  const provisional = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const tuple = encoded.map((key) => key.ranks[i]);
    if (tuple.some((rank) => rank < 0)) { provisional[i] = -1; continue; }
    const text = tuple.join(",");
    let id = ids.get(text);
    if (id === undefined) { id = tuples.length; ids.set(text, id); tuples.push(tuple); }
    provisional[i] = id;
  }
  const order = tuples.map((_, id) => id).sort((a, b) => {
    for (let k = 0; k < encoded.length; k++) if (tuples[a][k] !== tuples[b][k]) return tuples[a][k] - tuples[b][k];
    return 0;
  });
  const finalOf = new Int32Array(order.length);
  order.forEach((id, rank) => (finalOf[id] = rank));
  const groupOf = provisional.map((id) => (id < 0 ? -1 : finalOf[id]));
  const keys = order.map((id) => tuples[id].map((rank, k) => encoded[k].keyOf(rank)));
  return { rows, groupOf, keys, sizes: countSizes(groupOf, keys.length) };
}
