import type { Column } from "../table/types";
import { compareCodePoints } from "./compare-code-points";

/** A group key as it appears in JSON: strings, numbers, booleans, ISO strings for datetimes. */
export type KeyValue = string | number | boolean;

export interface EncodedKey {
  /** Sorted rank of each selected row's key (same positions as the row index), -1 when missing. */
  ranks: Int32Array;
  /** Size of the rank space (ranks are < cardinality; not every rank need occur). */
  cardinality: number;
  /** The JSON key of a rank. */
  keyOf(rank: number): KeyValue;
}

// Sorting a dictionary costs d log d string compares; a dataset's dictionaries never change, so warm plans reuse it.
const dictionaryRanks = new WeakMap<readonly string[], { rankOfCode: Int32Array; codeOfRank: Int32Array }>();

/**
 * Maps one group_by column to dense, order-preserving integer ranks over the selected rows, so that grouping
 * is integer arithmetic and sorting groups is sorting integers. Strings rank by code point (Python's order),
 * booleans false < true, numbers and datetimes ascending.
 *
 * @example encodeKeyColumn(regionColumn, rows).keyOf(0) // "east"
 */
export function encodeKeyColumn(column: Column, rows: Uint32Array): EncodedKey {
  const ranks = new Int32Array(rows.length);
  if (column.type === "string") {
    let cached = dictionaryRanks.get(column.dictionary);
    if (cached === undefined) {
      const order = column.dictionary.map((_, code) => code).sort((a, b) => compareCodePoints(column.dictionary[a], column.dictionary[b]));
      const rankOfCode = new Int32Array(order.length);
      order.forEach((code, rank) => (rankOfCode[code] = rank));
      cached = { rankOfCode, codeOfRank: Int32Array.from(order) };
      dictionaryRanks.set(column.dictionary, cached);
    }
    const { rankOfCode, codeOfRank } = cached;
    const codes = column.codes;
    for (let i = 0; i < rows.length; i++) {
      const code = codes[rows[i]];
      ranks[i] = code < 0 ? -1 : rankOfCode[code];
    }
    return { ranks, cardinality: codeOfRank.length, keyOf: (rank) => column.dictionary[codeOfRank[rank]] };
  }
  const values = column.values;
  const toKey = (value: number): KeyValue =>
    column.type === "boolean" ? value === 1 : column.type === "datetime" ? new Date(value).toISOString() : value;
  // Small integer ranges (booleans, years, ids, counts) index directly; anything else goes through a Map.
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== v) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  if (integral && max - min <= 4 * rows.length + 1024) {
    for (let i = 0; i < rows.length; i++) {
      const v = values[rows[i]];
      ranks[i] = v !== v ? -1 : v - min;
    }
    return { ranks, cardinality: max >= min ? max - min + 1 : 0, keyOf: (rank) => toKey(rank + min) };
  }
  const idOf = new Map<number, number>();
  const distinct: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]];
    if (v !== v) { ranks[i] = -1; continue; }
    let id = idOf.get(v);
    if (id === undefined) { id = distinct.length; idOf.set(v, id); distinct.push(v); }
    ranks[i] = id;
  }
  const order = distinct.map((_, id) => id).sort((a, b) => distinct[a] - distinct[b]);
  const rankOfId = new Int32Array(order.length);
  order.forEach((id, rank) => (rankOfId[id] = rank));
  for (let i = 0; i < rows.length; i++) if (ranks[i] >= 0) ranks[i] = rankOfId[ranks[i]];
  return { ranks, cardinality: order.length, keyOf: (rank) => toKey(distinct[order[rank]]) };
}
