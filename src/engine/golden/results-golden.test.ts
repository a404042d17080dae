import { describe, expect, it } from "vitest";
import { AGGREGATE_OPS } from "../aggregates/aggregate-ops";
import { executePlan } from "../execute-plan";
import { GRANULARITIES } from "../plan/group-by-item";
import { validatePlan } from "../plan/validate-plan";
import { compareResult } from "./compare-result";
import { goldenFixtures } from "./golden-fixtures";

/**
 * Golden tests of plan v2 results: every case in fixtures/results-cases.json was computed by pandas 1.5.3 through
 * the whole plan (scripts/golden/results.py: aggregate with several aggregations, value_counts, describe, crosstab,
 * rows, argmax/argmin, calendar periods, having / sort / limit; its docstring names the references, and a case's
 * `reference` field the documented exceptions it inherits from the aggregates generator). Each plan is validated
 * against its dataset (it must be valid), executed, and its whole result compared at 1e-9 relative (1e-12
 * absolute), strings, booleans, nulls, keys and order exactly, with the rows the operation used.
 */
interface ResultsCase {
  id: string;
  /** Relative to src/engine/. */
  csv: string;
  plan: unknown;
  reference?: string;
  expected: { result: unknown; filtered_row_count: number };
}

// Case CSVs are named relative to src/engine/ (the aggregates generator's fixtures are shared).
const fixtures = goldenFixtures(new URL("../", import.meta.url));
const cases = fixtures.cases<ResultsCase>("golden/fixtures/results-cases.json");
const tableOf = fixtures.table;

describe("golden result cases against pandas", () => {
  it("has at least 300 cases", () => expect(cases.length).toBeGreaterThanOrEqual(300));

  it("covers every result operation, aggregation op and calendar period", () => {
    const used = new Set<string>();
    for (const golden of cases) {
      const plan = golden.plan as { operation: string; aggregations?: Array<{ op: string }>; group_by?: unknown[] };
      used.add(`operation ${plan.operation}`);
      for (const aggregation of plan.aggregations ?? []) used.add(`op ${aggregation.op}`);
      for (const key of plan.group_by ?? []) if (typeof key === "object" && key !== null) used.add(`period ${(key as { granularity: string }).granularity}`);
    }
    const wanted = [
      ...["aggregate", "value_counts", "describe", "crosstab", "rows", "argmax", "argmin"].map((operation) => `operation ${operation}`),
      ...AGGREGATE_OPS.map((op) => `op ${op.name}`),
      ...GRANULARITIES.map((granularity) => `period ${granularity}`),
    ];
    expect(wanted.filter((name) => !used.has(name))).toEqual([]);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const table = tableOf(golden.csv);
    const validation = validatePlan(golden.plan, { columns: table.columns.map((c) => ({ name: c.name, type: c.type })), table });
    expect(validation.errors).toEqual([]);
    const output = executePlan(table, validation.plan!);
    const actual = { result: JSON.parse(JSON.stringify(output.result)), filtered_row_count: output.filtered_row_count };
    expect(compareResult(actual, golden.expected)).toEqual([]);
  });
});
