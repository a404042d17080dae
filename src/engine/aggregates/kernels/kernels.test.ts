import { describe, expect, it } from "vitest";
import type { Column } from "../../table/types";
import { combineSplitSum, exactIntegerSum } from "./exact-integer-sum";
import { exactMeanMilliseconds } from "./exact-mean-milliseconds";
import { groupQuantilePoint } from "./group-quantile-point";
import { interpolateMilliseconds } from "./interpolate-milliseconds";
import { selectKth } from "./select-kth";
import { seriesQuantilePoint } from "./series-quantile-point";
import { valueIds } from "./value-ids";

/**
 * Properties of the kernels against independent exact computations (sorting, BigInt, Map); the pandas
 * semantics themselves are checked by aggregates.golden.test.ts.
 */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const all = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);

describe("selectKth", () => {
  const next = random(1);
  const generators: Array<[string, () => number]> = [
    ["uniform", () => next() * 1000 - 500],
    ["few distinct", () => Math.floor(next() * 3)],
    ["signed zeros", () => (next() < 0.5 ? -0 : 0) + (next() < 0.2 ? 1 : 0)],
    ["offset", () => 1e15 + Math.round(next() * 8) / 8],
  ];
  for (const [name, generate] of generators) {
    it(`finds every rank of ${name} data, including after an earlier selection`, () => {
      for (const n of [1, 2, 7, 599, 601, 2500]) {
        const source = Float64Array.from({ length: n }, generate);
        const sorted = source.slice().sort();
        for (const k of [0, n >> 2, n >> 1, n - 1]) {
          const work = source.slice();
          expect(selectKth(work, n, k)).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(work[i] <= work[k]).toBe(true);
          for (let i = k + 1; i < n; i++) expect(work[i] >= work[k]).toBe(true);
          const later = Math.min(n - 1, k + (n >> 3));
          expect(selectKth(work, n, later, k)).toBe(sorted[later]);
        }
      }
    });
  }
});

describe("valueIds", () => {
  const next = random(2);
  function reference(values: number[]): { ids: number[]; first: number[] } {
    const idOf = new Map<number, number>();
    const first: number[] = [];
    const ids = values.map((v, i) => {
      if (Number.isNaN(v)) return -1;
      const key = v === 0 ? 0 : v;
      if (!idOf.has(key)) {
        idOf.set(key, first.length);
        first.push(i);
      }
      return idOf.get(key)!;
    });
    return { ids, first };
  }
  const cases: Array<[string, () => number]> = [
    ["small integers", () => Math.floor(next() * 50) - 10],
    ["two-decimal prices", () => Math.round(next() * 10_000) / 100],
    ["arbitrary doubles (hashed)", () => Math.floor(next() * 300) * Math.PI],
    ["signed zeros and tenths", () => (next() < 0.3 ? -0 : Math.round(next() * 5) / 10)],
    ["wide integers (hashed)", () => Math.floor(next() * 2000) * 1e9],
  ];
  for (const [name, generate] of cases) {
    it(`numbers ${name} by first appearance, -0 equal to 0, NaN missing`, () => {
      const values = Array.from({ length: 3000 }, () => (next() < 0.05 ? Number.NaN : generate()));
      const column: Column = { name: "x", type: "float", values: Float64Array.from(values) };
      const got = valueIds(column, all(values.length));
      const expected = reference(values);
      expect(Array.from(got.ids)).toEqual(expected.ids);
      expect(Array.from(got.first)).toEqual(expected.first);
      expect(got.count).toBe(expected.first.length);
    });
  }

  it("numbers strings by dictionary code and returns a first array that later calls do not overwrite", () => {
    const column: Column = { name: "s", type: "string", codes: Int32Array.of(2, -1, 0, 2, 1, 0), dictionary: ["a", "b", "c"] };
    const got = valueIds(column, all(6));
    expect(Array.from(got.ids)).toEqual([0, -1, 1, 0, 2, 1]);
    const first = Array.from(got.first);
    valueIds({ name: "n", type: "integer", values: Float64Array.of(9, 8, 7) }, all(3));
    expect(Array.from(got.first)).toEqual(first);
  });
});

describe("exact integer and datetime arithmetic", () => {
  const next = random(3);
  it("sums whole numbers past 2^53 exactly, rounding once", () => {
    for (let trial = 0; trial < 50; trial++) {
      const values = Float64Array.from({ length: 200 }, () => Math.floor((next() - 0.3) * 2 ** 53));
      const exact = values.reduce((sum, v) => sum + BigInt(v), 0n);
      expect(exactIntegerSum(values, all(values.length))).toBe(Number(exact));
    }
    expect(combineSplitSum(2 ** 27, 5)).toBe(Number(2n ** 53n + 5n));
  });

  it("averages milliseconds exactly, halves rounded up", () => {
    expect(exactMeanMilliseconds(Float64Array.of(0, 1), all(2))).toBe(1);
    expect(exactMeanMilliseconds(Float64Array.of(-1, 0), all(2))).toBe(0);
    expect(exactMeanMilliseconds(Float64Array.of(-3, 0), all(2))).toBe(-1);
    expect(exactMeanMilliseconds(Float64Array.of(NaN), all(1))).toBeNaN();
    for (let trial = 0; trial < 50; trial++) {
      const values = Float64Array.from({ length: 97 }, () => Math.floor(next() * 2.5e14) - 1e13);
      const sum = values.reduce((s, v) => s + BigInt(v), 0n);
      const n = BigInt(values.length);
      const numerator = 2n * sum + n;
      const floor = numerator / (2n * n) - (numerator % (2n * n) < 0n ? 1n : 0n);
      expect(exactMeanMilliseconds(values, all(values.length))).toBe(Number(floor));
    }
  });

  it("interpolates milliseconds exactly, halves rounded up", () => {
    expect(interpolateMilliseconds(1000, 1003, 0.5)).toBe(1002);
    expect(interpolateMilliseconds(1000, 1002, 0.25)).toBe(1001);
    expect(interpolateMilliseconds(5, 5, 0.7)).toBe(5);
    for (let trial = 0; trial < 2000; trial++) {
      const a = Math.floor(next() * 1.7e12);
      const b = a + Math.floor(next() * (trial % 2 ? 1e12 : 1000));
      const t = trial % 3 === 0 ? Math.floor(next() * 8) / 8 : next();
      // exact: a + (b - a)·t with t = m / 2^k, rounded half up, in BigInt
      const [m, k] = dyadic(t);
      const scaled = BigInt(a) * 2n ** k + BigInt(b - a) * m;
      const rounded = (2n * scaled + 2n ** k) / 2n ** (k + 1n);
      expect(interpolateMilliseconds(a, b, t)).toBe(Number(rounded));
    }
  });
});

/** t = m / 2^k exactly (t a double in [0, 1)). */
function dyadic(t: number): [bigint, bigint] {
  let k = 0n;
  let m = t;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  return [BigInt(m), k];
}

describe("quantile positions", () => {
  it("rounds nearest half to even on the Series path and down for q <= 0.5 on the grouped path", () => {
    expect(seriesQuantilePoint(4, 0.5, "nearest").below).toBe(2); // h = 1.5 -> 2
    expect(seriesQuantilePoint(6, 0.5, "nearest").below).toBe(2); // h = 2.5 -> 2
    expect(groupQuantilePoint(4, 0.5, "nearest").below).toBe(1);
    expect(groupQuantilePoint(6, 0.5, "nearest").below).toBe(2);
    expect(groupQuantilePoint(4, 5 / 6, "nearest").below).toBe(3); // f = 0.5, q > 0.5 -> up
  });

  it("sees q through pandas' percent round trip on the Series path only", () => {
    // 125·0.056 = 7 exactly, but 125·fl(fl(100·0.056) / 100) = 7.000000000000001: "higher" moves up one
    expect(seriesQuantilePoint(126, 0.056, "higher").below).toBe(8);
    expect(groupQuantilePoint(126, 0.056, "higher").below).toBe(7);
  });

  it("takes the largest value at q = 1 and the smallest at q = 0", () => {
    for (const method of ["linear", "lower", "higher", "midpoint", "nearest"] as const) {
      expect(seriesQuantilePoint(5, 1, method)).toMatchObject({ below: 4, above: 4 });
      expect(groupQuantilePoint(5, 1, method)).toMatchObject({ below: 4, above: 4 });
      expect(seriesQuantilePoint(5, 0, method)).toMatchObject({ below: 0, gamma: 0 });
      expect(groupQuantilePoint(5, 0, method)).toMatchObject({ below: 0, gamma: 0 });
    }
  });
});
