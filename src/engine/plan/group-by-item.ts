import { z } from "zod";
import { ColumnRefSchema } from "./plan-fields";

/**
 * A `group_by` entry: a column name, or a datetime column cut into calendar periods. A leaf module (it imports
 * no operation), so the plan schema, validation, execution and charts share it.
 */
export const GRANULARITIES = ["year", "quarter", "month", "week", "day", "hour"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const GroupByPeriodSchema = z
  .strictObject({
    column: ColumnRefSchema.meta({ description: "A datetime column." }),
    granularity: z.enum(GRANULARITIES).meta({
      description: "year, quarter, month, week (Monday to Sunday, as pandas to_period(\"W\")), day or hour, in UTC.",
    }),
  })
  .meta({
    id: "GroupByPeriod",
    description: "Groups a datetime column by calendar period; the group key is the period's start as an ISO 8601 datetime (e.g. month: \"2024-03-01T00:00:00.000Z\").",
  });

export const GroupByItemSchema = z.union([ColumnRefSchema, GroupByPeriodSchema]);

export type GroupByPeriod = z.output<typeof GroupByPeriodSchema>;
export type GroupByItem = string | GroupByPeriod;

/**
 * The column a group_by entry names: the key's name in a group's `key` object.
 *
 * @example groupByName({ column: "day", granularity: "month" }) // "day"
 */
export function groupByName(item: GroupByItem): string {
  return typeof item === "string" ? item : item.column;
}

/**
 * The key names of a group_by list, in order.
 *
 * @example groupByNames(["region", { column: "day", granularity: "week" }]) // ["region", "day"]
 */
export function groupByNames(items: readonly GroupByItem[] | null | undefined): string[] {
  return (items ?? []).map(groupByName);
}

/**
 * A group_by entry as stored: a plain name stays a string (plans of the first language are unchanged byte for
 * byte), a period entry gets its keys in canonical order.
 *
 * @example normalizeGroupByItem({ granularity: "year", column: "day" }) // { column: "day", granularity: "year" }
 */
export function normalizeGroupByItem(item: GroupByItem): GroupByItem {
  return typeof item === "string" ? item : { column: item.column, granularity: item.granularity };
}
