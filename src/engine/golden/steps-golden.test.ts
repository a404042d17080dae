import { describe, expect, it } from "vitest";
import { goldenFixtures } from "./golden-fixtures";
import { executePlan } from "../execute-plan";
import { FILTER_OPERATORS } from "../plan/plan-schema";
import { validatePlan } from "../plan/validate-plan";
import { STEP_KINDS } from "../steps/registry";
import { compareResult } from "./compare-result";

/**
 * Golden tests of plan steps and v2 filters: every case in fixtures/steps-cases.json was computed by pandas 1.5.3
 * / scipy 1.10.1 (scripts/golden/steps.py, which writes the reference semantics out). Each plan is validated
 * against the dataset (it must be valid), executed, and compared at 1e-9 relative: the result, the rows the
 * operation used, and the rows left after each step.
 */
interface StepsCase {
  id: string;
  csv: string;
  plan: unknown;
  expected: { result: unknown; filtered_row_count: number; rows_remaining: number[] };
}

const V1_COMPARISONS: readonly string[] = ["==", "!=", ">", "<", ">=", "<="];

const fixtures = goldenFixtures(new URL("./fixtures/", import.meta.url));
const cases = fixtures.cases<StepsCase>("steps-cases.json");
const tableOf = fixtures.table;

describe("golden step cases against pandas/scipy", () => {
  it("has at least 400 cases", () => expect(cases.length).toBeGreaterThanOrEqual(400));

  it("uses every step kind and every filter operator v2 added (the comparisons are v1's: cases.json)", () => {
    const used = new Set<string>();
    const visit = (value: unknown, key?: string): void => {
      if (key === "operator" && typeof value === "string") used.add(`operator ${value}`);
      if (Array.isArray(value)) value.forEach((item) => visit(item));
      else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, k);
    };
    for (const golden of cases) {
      const plan = golden.plan as { steps?: Array<Record<string, unknown>> };
      for (const step of plan.steps ?? []) for (const kind of Object.keys(step)) used.add(`step ${kind}`);
      visit(golden.plan);
    }
    const wanted = [...STEP_KINDS.map((kind) => `step ${kind}`), ...FILTER_OPERATORS.filter((op) => !V1_COMPARISONS.includes(op)).map((op) => `operator ${op}`)];
    expect(wanted.filter((name) => !used.has(name))).toEqual([]);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const table = tableOf(golden.csv);
    const validation = validatePlan(golden.plan, { columns: table.columns.map((c) => ({ name: c.name, type: c.type })), table });
    expect(validation.errors).toEqual([]);
    const output = executePlan(table, validation.plan!);
    const actual = {
      result: JSON.parse(JSON.stringify(output.result)),
      filtered_row_count: output.filtered_row_count,
      rows_remaining: (output.steps ?? []).map((step) => step.rows_remaining),
    };
    expect(compareResult(actual, golden.expected)).toEqual([]);
  });
});
