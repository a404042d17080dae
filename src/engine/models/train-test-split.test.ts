import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EngineError } from "../errors";
import { readFixture } from "./fixtures/fixture-table";
import { legacyPermutation } from "./legacy-permutation";
import { mt19937 } from "./mt19937";
import { trainTestSplit, type SplitOptions } from "./train-test-split";

interface PermutationCase {
  id: string;
  seed: number;
  n?: number;
  sha256?: string;
  head?: number[];
  tail?: number[];
  permutation?: number[];
  raw?: number[];
}

interface SplitCase {
  id: string;
  n: number;
  options: SplitOptions;
  expected:
    | { error: string; message: string }
    | { train: number[]; test: number[] }
    | { trainSha256: string; testSha256: string; trainLength: number; testLength: number };
}

const { permutations, splits } = readFixture<{ permutations: PermutationCase[]; splits: SplitCase[] }>("split.json");
const sha256 = (values: Uint32Array) => createHash("sha256").update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength)).digest("hex");

describe("numpy RandomState(seed).permutation(n), bit for bit", () => {
  it.each(permutations.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    if (golden.raw !== undefined) {
      const next = mt19937(golden.seed);
      expect(golden.raw.map(() => next())).toEqual(golden.raw);
      return;
    }
    const permutation = legacyPermutation(golden.seed, golden.n!);
    expect(Array.from(permutation.subarray(0, 8))).toEqual(golden.head);
    expect(Array.from(permutation.subarray(Math.max(0, permutation.length - 8)))).toEqual(golden.tail);
    expect(sha256(permutation)).toBe(golden.sha256);
    if (golden.permutation !== undefined) expect(Array.from(permutation)).toEqual(golden.permutation);
  });
});

describe("scikit-learn train_test_split", () => {
  it.each(splits.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const expected = golden.expected;
    if ("error" in expected) {
      expect(() => trainTestSplit(golden.n, golden.options)).toThrowError(expect.objectContaining({ code: expected.error }) as unknown as EngineError);
      return;
    }
    const { train, test } = trainTestSplit(golden.n, golden.options);
    if ("train" in expected) {
      expect(Array.from(train)).toEqual(expected.train);
      expect(Array.from(test)).toEqual(expected.test);
    } else {
      expect([train.length, test.length]).toEqual([expected.trainLength, expected.testLength]);
      expect(sha256(train)).toBe(expected.trainSha256);
      expect(sha256(test)).toBe(expected.testSha256);
    }
  });

  it("needs a seed to shuffle", () => {
    expect(() => trainTestSplit(10, { testSize: 0.2 })).toThrowError(expect.objectContaining({ code: "invalid_split" }) as unknown as EngineError);
  });
});
