import { z } from "zod";

/** Operations a plan may ask for; `count` is the only one that works without a target column. */
export const OPERATIONS = [
  "mean", "sum", "count", "min", "max", "std", "median", "correlation", "regression", "forecast",
] as const;
export const AGGREGATIONS = ["mean", "sum", "count", "min", "max", "std", "median"] as const;
export const FILTER_OPERATORS = ["==", "!=", ">", "<", ">=", "<="] as const;
export const CHART_TYPES = ["line", "bar", "scatter", "heatmap", "box", "histogram"] as const;

export const MAX_FILTERS = 20;
export const MAX_GROUP_BY = 3;
export const MAX_COLUMN_NAME = 1024;
export const MAX_FILTER_STRING = 65536;

const ColumnRefSchema = z.string().min(1).max(MAX_COLUMN_NAME).meta({ description: "A column name of the dataset, exactly as listed in its `columns`." });

export const FilterSchema = z
  .strictObject({
    column: ColumnRefSchema,
    operator: z.enum(FILTER_OPERATORS),
    value: z
      .union([z.string().max(MAX_FILTER_STRING), z.number(), z.boolean()])
      .meta({ description: "Compared with the column's values after coercion to the column's type (numbers, ISO 8601 for datetimes, true/false for booleans)." }),
  })
  .meta({ id: "Filter", description: "Keeps the rows whose `column` compares true with `value`; a missing value passes only `!=`." });

/**
 * The execution plan as clients send it. Strict: an unknown key is an error naming the key. Optional fields
 * accept `null` (as FastAPI clients send it) and mean "absent"; per-operation defaults are filled in by
 * `normalizePlan`, so the stored plan says exactly what was computed.
 */
export const PlanSchema = z
  .strictObject({
    operation: z.enum(OPERATIONS),
    target_column: ColumnRefSchema.nullish().meta({ description: "Aggregations except count (optional there) and forecast. mean/sum accept numeric and boolean columns, std/median numeric ones, min/max numeric and datetime ones." }),
    filters: z.array(FilterSchema).max(MAX_FILTERS).nullish().meta({ description: "ANDed, applied before anything else." }),
    group_by: z.array(ColumnRefSchema).max(MAX_GROUP_BY).nullish().meta({ description: "Aggregations, correlation and regression; rows with a missing key are dropped; groups sorted by key ascending." }),
    x_axis: ColumnRefSchema.nullish().meta({ description: "Numeric column: correlation and regression (the regressor)." }),
    y_axis: ColumnRefSchema.nullish().meta({ description: "Numeric column: correlation and regression (the response)." }),
    time_column: ColumnRefSchema.nullish().meta({ description: "Datetime or numeric column: forecast." }),
    chart_type: z.enum(CHART_TYPES).nullish(),
    horizon: z.number().int().min(1).max(365).nullish().meta({ description: "Forecast periods ahead (default 12)." }),
    forecast_method: z.enum(["linear", "holt"]).nullish().meta({ description: "Forecast method (default linear)." }),
    method: z.enum(["pearson", "spearman"]).nullish().meta({ description: "Correlation method (default pearson)." }),
    confidence: z.number().gt(0).lt(1).nullish().meta({ description: "Interval level for forecast and regression (default 0.95)." }),
  })
  .meta({ id: "ExecutionPlan", description: "A JSON execution plan: what to compute over one dataset." });

export type PlanInput = z.input<typeof PlanSchema>;
export type ParsedPlan = z.output<typeof PlanSchema>;
export type Filter = z.output<typeof FilterSchema>;
export type Operation = (typeof OPERATIONS)[number];
export type ChartType = (typeof CHART_TYPES)[number];

/**
 * A validated plan with the defaults of its operation filled in: what the engine executes, what is hashed for
 * provenance and what is stored in the history. Fields that do not apply to the operation are absent.
 */
export interface Plan {
  operation: Operation;
  target_column?: string;
  filters: Filter[];
  group_by: string[];
  x_axis?: string;
  y_axis?: string;
  time_column?: string;
  chart_type?: ChartType;
  /** forecast only (default 12) */
  horizon?: number;
  /** forecast only (default "linear") */
  forecast_method?: "linear" | "holt";
  /** correlation only (default "pearson") */
  method?: "pearson" | "spearman";
  /** forecast and regression only (default 0.95) */
  confidence?: number;
}
