import { describe, expect, it } from "vitest";
import { argsortFloat64 } from "./argsort-float64";
import { averageRanks } from "./average-ranks";

/** Reference: a comparator sort of the indices, ties (including -0 vs +0) broken by index, i.e. stable. */
function referenceArgsort(values: Float64Array, length: number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  return order.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : a - b));
}

/** Deterministic generator (mulberry32) so failures reproduce. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIALS = [
  0, -0, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE,
  2.2250738585072014e-308, -2.2250738585072014e-308, 2.225073858507201e-308, 1e-300, -1e300, 1, -1,
  1 + Number.EPSILON, 1 - Number.EPSILON / 2, 0.1, -0.1, 2 ** 31, 2 ** 32, -(2 ** 53),
];

/** Values mixing wide-range doubles, negatives, a pool of repeated values (~20% ties) and special values. */
function mixedValues(length: number, seed: number): Float64Array {
  const next = random(seed);
  const pool = Array.from({ length: 50 }, () => (next() - 0.5) * 1000);
  const values = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const u = next();
    if (u < 0.2) values[i] = pool[Math.floor(next() * pool.length)];
    else if (u < 0.3) values[i] = SPECIALS[Math.floor(next() * SPECIALS.length)];
    else if (u < 0.4) values[i] = Math.round((next() - 0.5) * 20); // small integers and ±0
    else values[i] = (next() - 0.5) * 10 ** Math.floor(next() * 600 - 300); // huge to tiny magnitudes
  }
  return values;
}

const expectMatchesReference = (values: Float64Array, length = values.length) =>
  expect(Array.from(argsortFloat64(values, length))).toEqual(referenceArgsort(values, length));

describe("argsortFloat64", () => {
  it("matches the documented example", () => {
    expect(Array.from(argsortFloat64(new Float64Array([3, -1, 0, -0, 2]), 5))).toEqual([1, 2, 3, 4, 0]);
  });

  it("matches a stable reference sort on mixed values, below and above the insertion-sort cutoff", () => {
    for (const length of [0, 1, 2, 3, 63, 64, 65, 100, 1000, 20_000]) {
      for (const seed of [1, 2, 3]) expectMatchesReference(mixedValues(length, seed * 7919 + length));
    }
  });

  it("treats -0 and +0 as equal and keeps them in index order", () => {
    for (const length of [10, 200]) {
      const values = Float64Array.from({ length }, (_, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : i % 2 ? 1 : -1));
      const order = argsortFloat64(values, length);
      expect(Array.from(order)).toEqual(referenceArgsort(values, length));
      const zeros = Array.from(order).filter((i) => values[i] === 0);
      expect(zeros).toEqual([...zeros].sort((a, b) => a - b));
    }
  });

  it("orders subnormals, extremes and infinities", () => {
    const values = new Float64Array(300);
    for (let i = 0; i < values.length; i++) values[i] = SPECIALS[i % SPECIALS.length] * (Math.floor(i / SPECIALS.length) % 2 ? -1 : 1);
    expectMatchesReference(values);
    const order = argsortFloat64(values, values.length);
    expect(values[order[0]]).toBe(-Infinity);
    expect(values[order[values.length - 1]]).toBe(Infinity);
  });

  it("separates neighbouring doubles (only the lowest bit differs) and skips uniform digits", () => {
    const next = random(42);
    const base = [1, -1, 1e-310, 12345.678];
    const neighbours = Float64Array.from({ length: 500 }, () => {
      const v = base[Math.floor(next() * base.length)];
      const bits = new BigInt64Array(new Float64Array([v]).buffer);
      bits[0] += BigInt(Math.floor(next() * 4) - 1); // v's bit pattern ± 1: an adjacent double (same sign)
      return new Float64Array(bits.buffer)[0];
    });
    expectMatchesReference(neighbours);
    expectMatchesReference(Float64Array.from({ length: 500 }, (_, i) => (i * 7919) % 101)); // low half all zero
    expectMatchesReference(new Float64Array(500).fill(3.5)); // every pass skipped
    expectMatchesReference(Float64Array.from({ length: 500 }, (_, i) => 500 - i)); // reversed
  });

  it("sorts only the first `length` values and reads views at a byte offset", () => {
    const values = mixedValues(1000, 5);
    expectMatchesReference(values, 700);
    const view = new Float64Array(values.buffer, 8 * 300, 600);
    expectMatchesReference(view);
  });
});

describe("averageRanks (scipy rankdata 'average') on the radix argsort", () => {
  /** Reference straight from the definition: 1 + #smaller + (#equal - 1) / 2. */
  const referenceRanks = (values: Float64Array) =>
    Array.from(values, (v) => {
      let smaller = 0;
      let equal = 0;
      for (const w of values) {
        if (w < v) smaller++;
        else if (w === v) equal++;
      }
      return 1 + smaller + (equal - 1) / 2;
    });

  it("matches the definition, with -0 and +0 tied", () => {
    expect(Array.from(averageRanks(new Float64Array([10, 20, 10, 30]), 4))).toEqual([1.5, 3, 1.5, 4]);
    expect(Array.from(averageRanks(new Float64Array([0, -0, -1, 0]), 4))).toEqual([3, 3, 1, 3]);
    for (const length of [1, 50, 2000]) {
      const values = mixedValues(length, 11 + length);
      expect(Array.from(averageRanks(values, length))).toEqual(referenceRanks(values));
    }
  });
});
