import { z } from "zod";

/**
 * The building blocks of the plan schema that every operation shares. A leaf module (it imports no operation),
 * so operation modules can use these schemas while the plan schema is assembled from the operation registry.
 */
export const FILTER_OPERATORS = ["==", "!=", ">", "<", ">=", "<="] as const;
export const CHART_TYPES = ["line", "bar", "scatter", "heatmap", "box", "histogram"] as const;

export const MAX_FILTERS = 20;
export const MAX_GROUP_BY = 3;
export const MAX_COLUMN_NAME = 1024;
export const MAX_FILTER_STRING = 65536;

export type ChartType = (typeof CHART_TYPES)[number];

export const ColumnRefSchema = z.string().min(1).max(MAX_COLUMN_NAME).meta({ description: "A column name of the dataset, exactly as listed in its `columns`." });

export const FilterSchema = z
  .strictObject({
    column: ColumnRefSchema,
    operator: z.enum(FILTER_OPERATORS),
    value: z
      .union([z.string().max(MAX_FILTER_STRING), z.number(), z.boolean()])
      .meta({ description: "Compared with the column's values after coercion to the column's type (numbers, ISO 8601 for datetimes, true/false for booleans)." }),
  })
  .meta({ id: "Filter", description: "Keeps the rows whose `column` compares true with `value`; a missing value passes only `!=`." });

export type Filter = z.output<typeof FilterSchema>;

/** The interval level of regression and forecast (one field, shared, so both describe it alike). */
export const ConfidenceSchema = z.number().gt(0).lt(1).nullish().meta({ description: "Interval level for forecast and regression (default 0.95)." });
