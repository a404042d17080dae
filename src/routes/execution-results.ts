import { z } from "@hono/zod-openapi";
import { HypothesisTestResultSchema, LogisticResultSchema, OlsResultSchema } from "./inference-results";

/**
 * The `result` of an Execution, one documented shape per operation (docs/api.md "Results"). Documentation only:
 * the engine builds results; these schemas tell clients (and the LLMs writing plans) what comes back.
 */
const Cell = z.union([z.number(), z.string(), z.boolean(), z.null()]).meta({ description: "A number, a string, a boolean, an ISO 8601 datetime, or null." });

const ValueResult = z
  .object({ value: z.union([z.number(), z.string(), z.null()]), count: z.number().int() })
  .openapi("AggregationResult", { description: "mean, sum, count, min, max, std, median: the value and the non-missing values it used." });

const CorrelationResult = z
  .object({ coefficient: z.number().nullable(), p_value: z.number().nullable(), n: z.number().int(), method: z.enum(["pearson", "spearman"]) })
  .openapi("CorrelationResult", { description: "correlation." });

const RegressionResult = z
  .object({
    slope: z.number().nullable(), intercept: z.number().nullable(), r_squared: z.number().nullable(), n: z.number().int(),
    slope_std_error: z.number().nullable(), intercept_std_error: z.number().nullable(), slope_p_value: z.number().nullable(), intercept_p_value: z.number().nullable(),
  })
  .openapi("RegressionResult", { description: "regression." });

const ForecastResult = z
  .object({
    method: z.enum(["linear", "holt"]), horizon: z.number().int(), confidence: z.number(),
    points: z.array(z.object({ time: z.union([z.string(), z.number()]), value: z.number().nullable(), lower: z.number().nullable(), upper: z.number().nullable() })),
    fit: z.record(z.string(), z.unknown()),
  })
  .openapi("ForecastResult", { description: "forecast: `time` is ISO for datetime time columns, a number otherwise." });

const AggregationsResult = z
  .record(z.string(), z.union([Cell, z.array(Cell)]))
  .openapi("AggregationsResult", {
    description:
      "aggregate without group_by: {<as>: value} per aggregation, in plan order. Numbers, ISO datetimes (mean, median, quantile, min, max, first, last of " +
      "datetimes), booleans, strings, a list for mode (every mode, ascending); null where undefined.",
    example: { min_price: 6.5, max_price: 178, median_price: 34.5, q1: 22.25, q3: 48.5, skew_price: 3.28 },
  });

const GroupedResult = z
  .object({
    groups: z.array(z.record(z.string(), z.unknown())).meta({
      description:
        "One entry per group, in key order (or the plan's sort): `key` ({group_by column: value}; datetimes and calendar periods, by their start, " +
        "as ISO 8601), then the operation's fields (aggregate: each aggregation's name).",
    }),
    total_groups: z.number().int().optional().meta({ description: "With limit: the groups that passed having, before the limit." }),
  })
  .openapi("GroupedResult", {
    description: "Any operation with group_by (aggregations, aggregate, correlation, regression).",
    example: { groups: [{ key: { store: "Oslo" }, median_price: 38.25, q1: 25.25 }], total_groups: 11 },
  });

const ValueCountsResult = z
  .object({
    entries: z.array(z.object({ value: Cell, count: z.number().int(), proportion: z.number().optional() })).meta({
      description: "By count descending, equal counts in first-appearance order (or the plan's sort); value null is the missing-value entry (dropna false); proportion with normalize.",
    }),
    total: z.number().int().meta({ description: "Rows counted (non-missing with dropna); proportions divide by it." }),
    distinct: z.number().int().meta({ description: "Distinct values counted (before having and limit)." }),
    total_entries: z.number().int().optional().meta({ description: "With limit: the entries that passed having, before the limit." }),
  })
  .openapi("ValueCountsResult", { description: "value_counts." });

const DescribeResult = z
  .object({
    kind: z.enum(["numeric", "categorical", "datetime"]),
    statistics: z.record(z.string(), Cell).meta({
      description: 'pandas describe() in its order: numeric count, mean, std, min, "25%", "50%", "75%", max; categorical count, unique, top, freq; datetime count, mean, min, percentiles, max (ISO).',
    }),
  })
  .openapi("DescribeResult", { description: "describe.", example: { kind: "numeric", statistics: { count: 390, mean: 36.1, std: 21.4, min: 2.5, "25%": 21, "50%": 32.5, "75%": 47, max: 178 } } });

const CrosstabResult = z
  .object({
    row_labels: z.array(z.union([z.number(), z.string(), z.boolean()])).meta({ description: "Values of the first group_by column, sorted." }),
    column_labels: z.array(z.union([z.number(), z.string(), z.boolean()])).meta({ description: "Values of the second, sorted." }),
    values: z.array(z.array(z.number().nullable())).meta({ description: "values[i][j]: count (or share) of rows with row_labels[i] and column_labels[j]." }),
    row_margins: z.array(z.number().nullable()).nullable().optional().meta({ description: "margins: each row's total (pandas' All column); null with normalize index." }),
    column_margins: z.array(z.number().nullable()).nullable().optional().meta({ description: "margins: each column's total (the All row); null with normalize columns." }),
    grand_margin: z.number().nullable().optional().meta({ description: "margins: the All/All cell; null unless both totals exist." }),
  })
  .openapi("CrosstabResult", { description: "crosstab." });

const RowsResult = z
  .object({
    columns: z.array(z.string()),
    rows: z.array(z.array(Cell)).meta({ description: "The page's rows, each a list of cells in `columns` order." }),
    total_rows: z.number().int().meta({ description: "Rows after the filters and steps." }),
    truncated: z.boolean().meta({ description: "Whether more rows follow this page (offset + rows < total_rows)." }),
  })
  .openapi("RowsResult", { description: "rows." });

const ArgExtremeResult = z
  .object({
    row_index: z.number().int().nullable().meta({ description: "The row's 0-based index in the dataset (pandas' default index)." }),
    value: Cell,
    occurrences: z.number().int().meta({ description: "Rows holding that value (1: unique); 0 when every value is missing." }),
    row: z.record(z.string(), Cell).nullable().meta({ description: "The row's chosen columns." }),
  })
  .openapi("ArgExtremeResult", { description: "argmax, argmin: the first row holding the extreme, as pandas idxmax/idxmin." });

export const ExecutionResultSchema = z
  .union([
    ValueResult, CorrelationResult, RegressionResult, ForecastResult, GroupedResult, AggregationsResult, ValueCountsResult, DescribeResult,
    CrosstabResult, RowsResult, ArgExtremeResult, HypothesisTestResultSchema, OlsResultSchema, LogisticResultSchema,
  ])
  .meta({
    description:
      "By operation: mean/sum/count/min/max/std/median AggregationResult; correlation CorrelationResult; regression RegressionResult; forecast " +
      "ForecastResult; aggregate AggregationsResult; value_counts ValueCountsResult; describe DescribeResult; crosstab CrosstabResult; rows RowsResult; " +
      "argmax/argmin ArgExtremeResult; test HypothesisTestResult; ols OlsResult; logistic LogisticResult; with group_by GroupedResult. " +
      "Undefined statistics are null.",
  });
