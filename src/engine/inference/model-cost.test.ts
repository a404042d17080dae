import { describe, expect, it } from "vitest";
import { EngineError } from "../errors";
import { executePlan } from "../execute-plan";
import { validatePlan } from "../plan/validate-plan";
import type { Column, Table } from "../table/types";

function table(rows: number, numeric: number, levels: number): Table {
  const values = Float64Array.from({ length: rows }, (_, i) => Math.sin(i) * 10 + (i % 7));
  const columns: Column[] = [{ name: "y", type: "float", values }];
  for (let j = 0; j < numeric; j++) columns.push({ name: `x${j}`, type: "float", values: Float64Array.from(values, (v, i) => v * ((i * (j + 3)) % 11)) });
  const dictionary = Array.from({ length: levels }, (_, k) => `level${k}`);
  columns.push({ name: "g", type: "string", codes: Int32Array.from({ length: rows }, (_, i) => i % levels), dictionary });
  return { rowCount: rows, columns };
}

function refusal(source: Table, plan: object): string {
  const validation = validatePlan(plan, { columns: source.columns.map((c) => ({ name: c.name, type: c.type })) });
  expect(validation.errors).toEqual([]);
  try {
    executePlan(source, validation.plan!);
  } catch (error) {
    return (error as EngineError).code;
  }
  return "ran";
}

describe("model fits stay inside the plan cost cap", () => {
  it("refuses before running when rows x predictors² is over the cap", () => {
    const wide = table(60_000, 50, 2);
    expect(refusal(wide, { operation: "ols", target_column: "y", predictors: Array.from({ length: 50 }, (_, j) => `x${j}`) })).toBe("plan_too_costly");
  });

  it("refuses once a categorical predictor's levels make the design too wide", () => {
    const manyLevels = table(20_000, 1, 150);
    expect(refusal(manyLevels, { operation: "logistic", target_column: "g", predictors: ["x0"], filters: [{ column: "g", operator: "in", value: ["level0", "level1"] }] })).toBe("ran");
    expect(refusal(manyLevels, { operation: "ols", target_column: "y", predictors: ["x0", "g"] })).toBe("plan_too_costly");
  });
});
