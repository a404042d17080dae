import { describe as describeColumn } from "../aggregates/describe";
import { frameColumn } from "../frame/frame";
import { jsonRecord } from "../json-record";
import { makeProblem } from "../plan/plan-problems";
import { PercentilesSchema } from "../results/result-params";
import type { EngineProblem } from "../errors";
import type { ColumnType } from "../table/types";
import { neverDrawn, type OperationModule, type OperationOutput, type PlanFields } from "./operation";
import { examplePlan, NUMBERS } from "./example-plan";
import { requiredField } from "./required-field";

const ANY_TYPE: readonly ColumnType[] = ["integer", "float", "boolean", "datetime", "string"];
const DEFAULT_PERCENTILES = [0.25, 0.5, 0.75];

export interface DescribeResult {
  /** numeric (integer, float), categorical (string, boolean) or datetime, as pandas describes each. */
  kind: "numeric" | "categorical" | "datetime";
  /** pandas' labels in pandas' order: count, mean, std, min, 25%, 50%, 75%, max; or count, unique, top, freq. */
  statistics: Record<string, number | string | boolean | null>;
}

const NOT_DRAWN = "a drawable result; describe gives a table of statistics (use histogram or box with an aggregation of the column)";

/**
 * `describe` of target_column over the rows after the steps: pandas `Series.describe(percentiles)`
 * (aggregates/describe.ts): numeric columns count, mean, std, min, the percentiles, max; strings and booleans
 * count, unique, top, freq; datetimes count, mean, min, the percentiles, max (ISO strings). `statistics` is an
 * object in pandas' order; undefined statistics are null. Percentile labels as pandas 2.x ("25%", "33.3%").
 * Cost: a gather and a selection per percentile (numbers), or the value counts (categories).
 * Charts: none (chart_unsupported).
 */
export const describeOperation = {
  name: "describe",
  summary: "pandas describe() of a column: count, mean, std, min, percentiles, max (or count, unique, top, freq for text).",
  rule: {
    required: ["target_column"],
    optional: ["filters", "chart_type", "percentiles"],
    columnTypes: { target_column: ANY_TYPE },
    defaults: { percentiles: DEFAULT_PERCENTILES },
  },
  params: { percentiles: PercentilesSchema },
  cost: (plan, c): number => c.rows * (3 + ((plan.percentiles as number[] | undefined)?.length ?? 3)),
  execute(frame, plan): OperationOutput {
    const column = frameColumn(frame, requiredField(plan.target_column, "target_column"), "plan.target_column");
    const described = describeColumn(column, frame.rows, { percentiles: (plan.percentiles as number[] | undefined) ?? DEFAULT_PERCENTILES });
    const statistics = jsonRecord(described.statistics.map((s) => [s.name, typeof s.value === "number" && !Number.isFinite(s.value) ? null : s.value] as const));
    return { result: { kind: described.kind, statistics } satisfies DescribeResult, grouping: null };
  },
  describe: (plan): string => `Description of ${plan.target_column}`,
  charts: {
    bar: neverDrawn(NOT_DRAWN), line: neverDrawn(NOT_DRAWN), scatter: neverDrawn(NOT_DRAWN),
    heatmap: neverDrawn(NOT_DRAWN), box: neverDrawn(NOT_DRAWN), histogram: neverDrawn(NOT_DRAWN),
  },
  example: (pick) => examplePlan({ operation: "describe", target_column: pick(NUMBERS, "price"), percentiles: [0.1, 0.5, 0.9] }),
  check: (plan): EngineProblem[] => checkPercentiles(plan),
} as const satisfies OperationModule;

/** Percentiles must be distinct (pandas raises ValueError on a repeat; 0.5 is added only when absent). */
function checkPercentiles(plan: PlanFields): EngineProblem[] {
  const percentiles = (plan.percentiles ?? []) as number[];
  return percentiles.flatMap((q, i) =>
    percentiles.indexOf(q) < i ? [makeProblem(["percentiles", i], "invalid_value", `${q} is already percentiles[${percentiles.indexOf(q)}]; percentiles must be distinct`)] : [],
  );
}
