import type { ColumnType } from "../table/types";

/** Above this many categories, axis labels are slanted so more of them fit. */
const SLANT_ABOVE = 8;

/**
 * A categorical x axis over the internal field `field`, kept in result order (groups come sorted by key from the
 * engine) through the numeric `order` field rather than an explicit sort array, because Vega-Lite turns sort
 * arrays into expressions and user values must never reach an expression.
 *
 * @example categoryAxis("x", "region", 3) // { field: "x", type: "nominal", sort: { field: "order" }, ... }
 */
export function categoryAxis(field: string, title: string, count: number): Record<string, unknown> {
  return {
    field,
    type: "nominal",
    title,
    sort: { field: "order", op: "min" },
    axis: count > SLANT_ABOVE ? { labelAngle: -40, labelLimit: 120 } : { labelAngle: 0 },
  };
}

/**
 * A continuous axis for a column: temporal on a UTC scale for datetimes (values are epoch ms, so no date parsing
 * happens in Vega and the worker's and the browser's time zones agree); labels show the time of day only for spans
 * of three days or less (`spanMs`, the data's x range), quantitative otherwise.
 *
 * @example continuousAxis("x", "day", "datetime") // { field: "x", type: "temporal", scale: { type: "utc" }, ... }
 */
export function continuousAxis(field: string, title: string, type: ColumnType | undefined, spanMs = Infinity): Record<string, unknown> {
  if (type === "datetime") {
    // ISO-like labels: Vega's default multi-format mixes "Tue 02" and "Jan 14", which reads badly without a year.
    const format = spanMs <= 3 * 86_400_000 ? "%Y-%m-%d %H:%M" : "%Y-%m-%d";
    return { field, type: "temporal", title, scale: { type: "utc" }, axis: { format, labelOverlap: true } };
  }
  return { field, type: "quantitative", title, scale: { zero: false } };
}
