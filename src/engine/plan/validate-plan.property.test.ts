import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import type { ColumnType, Table } from "../table/types";
import { canonicalPlanJson, normalizePlan } from "./normalize-plan";
import { PLAN_ERROR_CODES, PLAN_WARNING_CODES } from "./plan-problems";
import { CHART_TYPES, FILTER_OPERATORS, OPERATIONS } from "./plan-schema";
import { validatePlan, type PlanValidation } from "./validate-plan";

const COLUMNS: { name: string; type: ColumnType }[] = [
  { name: "n", type: "integer" }, { name: "x", type: "float" }, { name: "flag", type: "boolean" },
  { name: "when", type: "datetime" }, { name: "city", type: "string" }, { name: "__proto__", type: "float" },
];
const TABLE: Table = {
  rowCount: 2,
  columns: [
    { name: "n", type: "integer", values: Float64Array.from([1, NaN]) },
    { name: "x", type: "float", values: Float64Array.from([0.5, 2]) },
    { name: "flag", type: "boolean", values: Float64Array.from([1, 0]) },
    { name: "when", type: "datetime", values: Float64Array.from([0, NaN]) },
    { name: "city", type: "string", codes: Int32Array.from([0, -1]), dictionary: ["Oslo"] },
    { name: "__proto__", type: "float", values: Float64Array.from([1, 2]) },
  ],
};
const DATASET = { columns: COLUMNS, table: TABLE };

/** Plans shaped like the real thing (so many validate), with values drawn from a small pool of column names. */
const column = fc.constantFrom("n", "x", "flag", "when", "city", "__proto__", "constructor", "N");
const planShaped = fc.record(
  {
    operation: fc.constantFrom(...OPERATIONS),
    target_column: column,
    x_axis: column,
    y_axis: column,
    time_column: column,
    group_by: fc.uniqueArray(column, { maxLength: 3 }),
    filters: fc.array(fc.record({ column, operator: fc.constantFrom(...FILTER_OPERATORS), value: fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constantFrom("2024-01-01", "true", "Oslo", "1.5")) }), { maxLength: 3 }),
    chart_type: fc.constantFrom(...CHART_TYPES),
    horizon: fc.integer({ min: 1, max: 365 }),
    confidence: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
  },
  { requiredKeys: ["operation"] },
);

const CODES = new Set<string>([...PLAN_ERROR_CODES, ...PLAN_WARNING_CODES]);

/** The invariants every result holds, whatever the input. */
function expectWellFormed(result: PlanValidation): void {
  expect(result.plan === null).toBe(result.errors.length > 0);
  for (const problem of [...result.errors, ...result.warnings]) {
    expect(CODES.has(problem.code)).toBe(true);
    expect(problem.path).toMatch(/^plan(\.|\[|$)/);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(Object.keys(problem).every((key) => ["path", "code", "message", "suggestion"].includes(key))).toBe(true);
  }
  for (const problem of result.errors) expect((PLAN_ERROR_CODES as readonly string[]).includes(problem.code)).toBe(true);
  for (const problem of result.warnings) expect((PLAN_WARNING_CODES as readonly string[]).includes(problem.code)).toBe(true);
}

describe("validatePlan never throws and keeps its invariants", () => {
  test.prop([fc.jsonValue()], { numRuns: 500 })("any JSON value, without a dataset", (value) => {
    expectWellFormed(validatePlan(value));
  });

  test.prop([fc.jsonValue()], { numRuns: 500 })("any JSON value, against a dataset", (value) => {
    expectWellFormed(validatePlan(value, DATASET));
  });

  test.prop([fc.dictionary(fc.constantFrom("operation", "filters", "group_by", "__proto__", "constructor", "horizon"), fc.jsonValue())], { numRuns: 300 })(
    "objects with plan keys and arbitrary values",
    (value) => expectWellFormed(validatePlan(value, DATASET)),
  );

  test.prop([planShaped], { numRuns: 500 })("plan-shaped objects", (value) => {
    expectWellFormed(validatePlan(value));
    expectWellFormed(validatePlan(value, DATASET));
  });
});

describe("a plan that validates round-trips", () => {
  test.prop([fc.oneof(planShaped, fc.jsonValue())], { numRuns: 500 })("normalizePlan is idempotent and the plan re-validates to itself", (value) => {
    for (const dataset of [undefined, DATASET]) {
      const { plan, warnings } = validatePlan(value, dataset);
      if (plan === null) continue;
      expect(normalizePlan(plan)).toEqual(plan);
      const again = validatePlan(JSON.parse(JSON.stringify(plan)), dataset);
      // Compared as JSON: key order counts, and -0 (which JSON cannot carry) is not a difference.
      expect(JSON.stringify(again.plan)).toBe(JSON.stringify(plan));
      expect(again.warnings).toEqual(warnings);
      expect(canonicalPlanJson(again.plan!)).toBe(canonicalPlanJson(plan));
    }
  });
});
