import { z } from "zod";
import { ColumnRefSchema } from "../plan/plan-fields";

/**
 * The plan fields of the result operations (value_counts, describe, crosstab, rows, argmax/argmin). Each is
 * one schema object, declared once, because two operations may share a field only by declaring the same schema
 * (`normalize`: value_counts and crosstab; `columns`: rows, argmax and argmin).
 */
export const MAX_PERCENTILES = 20;
export const MAX_RESULT_COLUMNS = 100;

export const NormalizeSchema = z
  .union([z.boolean(), z.enum(["all", "index", "columns"])])
  .nullish()
  .meta({
    description:
      "value_counts: true adds each value's proportion of the counted rows (default false). crosstab: false (counts, default), " +
      "\"all\" or true (share of all rows), \"index\" (share of its row), \"columns\" (share of its column).",
  });

export const DropnaSchema = z.boolean().nullish().meta({ description: "value_counts: leave missing values out (default true); false counts them as one entry with value null." });

export const MarginsSchema = z.boolean().nullish().meta({ description: "crosstab: add the row, column and grand totals (pandas margins, \"All\"; default false)." });

export const PercentilesSchema = z.array(z.number().min(0).max(1)).max(MAX_PERCENTILES).nullish().meta({
  description: "describe: the percentiles to report, each in [0, 1], distinct (default [0.25, 0.5, 0.75]; 0.5 is always added).",
});

export const ResultColumnsSchema = z.array(ColumnRefSchema).min(1).max(MAX_RESULT_COLUMNS).nullish().meta({
  description: "rows, argmax, argmin: the columns to return, in this order (default every column, derived ones included).",
});

export const OffsetSchema = z.number().int().min(0).nullish().meta({ description: "rows: rows to skip before the page (default 0), for paging with limit." });
