import { initialFrame } from "../frame/frame";
import { describe, expect, it } from "vitest";
import { EngineError } from "../errors";
import { buildDesign } from "./build-design";
import { codeDesign } from "./code-design";
import { codeRecords } from "./code-records";
import type { ModelSpec } from "./design";
import { allRows, fixtureTable, readCases, type FixtureColumn, type FixtureNumber } from "./fixtures/fixture-table";
import { pythonFloatRepr } from "./python-float-repr";

interface DesignCase {
  id: string;
  columns: FixtureColumn[];
  spec: ModelSpec;
  target_kind: "numeric" | "binary";
  expected: { error: string } | { names: string[]; x: FixtureNumber[][]; y: FixtureNumber[]; n: number; classes?: Array<string | number | boolean> };
}

const cases = readCases<DesignCase>("design.json");

describe("design matrices against patsy (statsmodels formulas)", () => {
  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const table = fixtureTable(golden.columns);
    const run = () => buildDesign(initialFrame(table), golden.spec, allRows(table), golden.target_kind);
    const expected = golden.expected;
    if ("error" in expected) {
      expect(run).toThrowError(expect.objectContaining({ code: expected.error }) as unknown as EngineError);
      return;
    }
    const design = run();
    expect(design.encoding.names).toEqual(expected.names);
    expect(design.n).toBe(expected.n);
    const columns = expected.names.map((_, j) => Array.from(design.x.subarray(j * design.n, (j + 1) * design.n)));
    expect(columns).toEqual(expected.x);
    expect(Array.from(design.y)).toEqual(expected.y);
    if (expected.classes !== undefined && design.encoding.target.kind === "binary") {
      expect(design.encoding.target.classes).toEqual(expected.classes);
    }
    // Coding the same rows again with the encoding reproduces the matrix.
    expect(codeDesign(initialFrame(table), design.encoding, design.rows, true).x).toEqual(design.x);
  });
});

describe("coding new rows", () => {
  const table = fixtureTable([
    { name: "y", type: "float", values: [1, 2, 3, 4, 5] },
    { name: "g", type: "string", values: ["a", "b", "a", "c", "d"] },
    { name: "x", type: "float", values: [0.5, 1.5, 2.5, 3.5, 4.5] },
  ]);
  const design = buildDesign(initialFrame(table), { target: "y", predictors: [{ column: "x" }, { column: "g" }], intercept: true }, Uint32Array.of(0, 1, 2, 3), "numeric");

  it("refuses a level the model was not fitted on", () => {
    expect(() => codeDesign(initialFrame(table), design.encoding, Uint32Array.of(4), true)).toThrowError(
      expect.objectContaining({ code: "unknown_category", message: expect.stringContaining('"d"') }) as unknown as EngineError,
    );
  });

  it("codes prediction inputs, refusing unknown levels and missing values", () => {
    const { x, n } = codeRecords(design.encoding, [{ x: 2, g: "c" }, { x: -1, g: "a" }]);
    expect(n).toBe(2);
    expect(Array.from(x)).toEqual([1, 1, 0, 0, 1, 0, 2, -1]);
    expect(() => codeRecords(design.encoding, [{ x: 2, g: "zzz" }])).toThrowError(expect.objectContaining({ code: "unknown_category" }) as unknown as EngineError);
    expect(() => codeRecords(design.encoding, [{ g: "a" }])).toThrowError(expect.objectContaining({ code: "invalid_prediction_input" }) as unknown as EngineError);
    expect(() => codeRecords(design.encoding, [{ x: "2", g: "a" }])).toThrowError(expect.objectContaining({ code: "invalid_prediction_input" }) as unknown as EngineError);
  });

  it("refuses infinite values, as statsmodels and scikit-learn do", () => {
    const withInfinity = fixtureTable([
      { name: "y", type: "float", values: [1, 2, 3] },
      { name: "x", type: "float", values: [1, Number.POSITIVE_INFINITY, 3] },
    ]);
    expect(() => buildDesign(initialFrame(withInfinity), { target: "y", predictors: [{ column: "x" }], intercept: true }, allRows(withInfinity), "numeric")).toThrowError(
      expect.objectContaining({ code: "non_finite_value" }) as unknown as EngineError,
    );
  });

  it("refuses a design over the memory cap before allocating it", () => {
    const n = 100_000;
    const wide = fixtureTable([
      { name: "y", type: "float", values: Array.from({ length: n }, (_, i) => i) },
      { name: "id", type: "string", values: Array.from({ length: n }, (_, i) => `level ${i % 100}`) },
    ]);
    expect(() => buildDesign(initialFrame(wide), { target: "y", predictors: [{ column: "id" }], intercept: true }, allRows(wide), "numeric")).toThrowError(
      expect.objectContaining({ code: "design_too_large" }) as unknown as EngineError,
    );
  });

  it("refuses datetime predictors", () => {
    const withDates = fixtureTable([
      { name: "y", type: "float", values: [1, 2] },
      { name: "when", type: "datetime", values: [1.7e12, 1.8e12] },
    ]);
    expect(() => buildDesign(initialFrame(withDates), { target: "y", predictors: [{ column: "when" }], intercept: true }, allRows(withDates), "numeric")).toThrowError(
      expect.objectContaining({ code: "incompatible_type" }) as unknown as EngineError,
    );
  });
});

describe("Python float repr for level names", () => {
  it.each([
    [4, "4.0"], [0.5, "0.5"], [1e16, "1e+16"], [1e-5, "1e-05"], [0.0001, "0.0001"], [123456789012345680, "1.2345678901234568e+17"],
    [-2.5, "-2.5"], [1.5e-7, "1.5e-07"], [9999999999999998, "9999999999999998.0"], [0.1 + 0.2, "0.30000000000000004"], [1e300, "1e+300"],
  ])("%s -> %s", (value, text) => expect(pythonFloatRepr(value)).toBe(text));
});
