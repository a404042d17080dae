import type { ColumnType } from "../table/types";

/**
 * Values an expression computes, one per position of the frame's rows (position p is row `frame.rows[p]`).
 * Numbers, booleans (0/1) and datetimes (epoch ms) share a Float64Array with NaN for missing, as the table's
 * columns do; strings are dictionary codes (-1 missing) so that a function of one string column runs once per
 * distinct value, not once per row. A literal stays a scalar until an operation needs it spread.
 */
export type ValueType = ColumnType | "null";

export interface NumberVector {
  readonly kind: "number";
  readonly type: "integer" | "float" | "boolean" | "datetime";
  readonly values: Float64Array;
}

export interface StringVector {
  readonly kind: "string";
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
  /** The dictionary is in value order (bins), see StringColumn.ordered. */
  readonly ordered?: boolean;
}

export interface Scalar {
  readonly kind: "scalar";
  readonly type: ValueType;
  /** NaN (numbers, booleans, datetimes) or null (strings, the null literal) when missing. */
  readonly value: number | string | null;
}

export type Value = NumberVector | StringVector | Scalar;

/**
 * The values as numbers, one per position (a scalar is spread; a missing scalar is NaN).
 *
 * @example numbersOf({ kind: "scalar", type: "integer", value: 2 }, 3) // Float64Array [2, 2, 2]
 */
export function numbersOf(value: Value, size: number): Float64Array {
  if (value.kind === "number") return value.values;
  if (value.kind === "scalar") return new Float64Array(size).fill(typeof value.value === "number" ? value.value : Number.NaN);
  throw new TypeError("numbersOf: a string vector has no numbers");
}

/**
 * The values as dictionary codes (a scalar string becomes a one-entry dictionary).
 *
 * @example stringsOf({ kind: "scalar", type: "string", value: "a" }, 2) // { codes: [0, 0], dictionary: ["a"] }
 */
export function stringsOf(value: Value, size: number): { codes: Int32Array; dictionary: readonly string[] } {
  if (value.kind === "string") return value;
  if (value.kind === "scalar") {
    if (typeof value.value !== "string") return { codes: new Int32Array(size).fill(-1), dictionary: [] };
    return { codes: new Int32Array(size), dictionary: [value.value] };
  }
  throw new TypeError("stringsOf: a number vector has no strings");
}

/**
 * A string vector from per-position codes into a dictionary that may repeat entries (e.g. after `lower`):
 * equal strings are merged so that every distinct value has exactly one code, as grouping requires.
 *
 * @example dedupeStrings(Int32Array.from([0, 1]), ["a", "a"]) // { codes: [0, 0], dictionary: ["a"] }
 */
export function dedupeStrings(codes: Int32Array, dictionary: readonly (string | null)[]): StringVector {
  // Interning the dictionary itself gives each entry's merged code (-1 for null) and the merged dictionary.
  const { codes: remap, dictionary: merged } = encodeStrings(dictionary);
  const out = new Int32Array(codes.length);
  for (let p = 0; p < codes.length; p++) out[p] = codes[p] < 0 ? -1 : remap[codes[p]];
  return { kind: "string", codes: out, dictionary: merged };
}

/**
 * A string vector from one string (or null) per position, building the dictionary as it goes.
 *
 * @example encodeStrings(["b", null, "b"]) // { codes: [0, -1, 0], dictionary: ["b"] }
 */
export function encodeStrings(texts: ArrayLike<string | null>): StringVector {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(texts.length);
  for (let p = 0; p < texts.length; p++) {
    const text = texts[p];
    if (text === null) {
      codes[p] = -1;
      continue;
    }
    let at = index.get(text);
    if (at === undefined) {
      at = dictionary.push(text) - 1;
      index.set(text, at);
    }
    codes[p] = at;
  }
  return { kind: "string", codes, dictionary };
}

/** A number vector of the given type. */
export function numberVector(type: NumberVector["type"], values: Float64Array): NumberVector {
  return { kind: "number", type, values };
}
