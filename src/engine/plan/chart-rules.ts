import type { ColumnType } from "../table/types";
import { AGGREGATIONS, type ChartType, type Operation } from "./plan-schema";

/** The shape of a result, which is what decides whether a chart can show it. */
export type ResultKind = "aggregation" | "correlation" | "regression" | "forecast";

/** What a chart rule looks at. Types are undefined when the plan was validated without a dataset. */
export interface ChartContext {
  readonly kind: ResultKind;
  /** One entry per group_by column, in order; empty when the plan is not grouped. */
  readonly groupKeyTypes: readonly (ColumnType | undefined)[];
  /** The type of target_column (aggregations, forecast), undefined when absent or unknown. */
  readonly targetType: ColumnType | undefined;
  readonly hasTarget: boolean;
}

export interface ChartRule {
  /** True when the chart can show this result; unknown types count as fitting (no warning on a guess). */
  readonly fits: (context: ChartContext) => boolean;
  /**
   * False when the chart cannot be drawn at all for this result (a validation error, `chart_unsupported`);
   * a result that does not fit but can still be drawn is only a warning. Absent: always drawable.
   */
  readonly drawable?: (context: ChartContext) => boolean;
  /** Completes "<chart> charts need ..." in the warning. */
  readonly needs: string;
}

const ordered = (type: ColumnType | undefined) => type === undefined || type === "integer" || type === "float" || type === "datetime";
const grouped = (c: ChartContext) => c.groupKeyTypes.length > 0;
const oneKey = (c: ChartContext) => c.groupKeyTypes.length === 1;
const never = (needs: string): ChartRule => ({ fits: () => false, drawable: () => false, needs });
/** Box plots and histograms draw the distribution of the aggregated values, so they need numbers behind them. */
const numericTarget = (c: ChartContext) => c.hasTarget && c.targetType !== "string" && c.targetType !== "boolean";
const distribution: ChartRule = {
  fits: numericTarget,
  drawable: numericTarget,
  needs: "a numeric target_column whose distribution can be drawn",
};

/**
 * Which chart suits which result: the one table plan validation and the chart module share (the chart module
 * may extend it with how to draw each pair). A chart that cannot be drawn for the result (a histogram of a
 * string column, a heatmap without two keys, a scatter of an aggregate) is an error, `chart_unsupported`, so
 * the client learns before anything runs; a chart that can be drawn but suits the result poorly (a line over
 * categories) is a `chart_mismatch` warning: the result is right, only the picture is odd.
 *
 * - aggregation: `bar` always (one bar, or one per group); `line` over exactly one ordered group key (number or
 *   datetime); `heatmap` over exactly two group keys; `box`/`histogram` over the target's values; `scatter` never
 *   (a scatter needs two numeric axes and an aggregate has one number per group).
 * - correlation: `scatter` (x against y) and `heatmap`; `bar` when grouped (one coefficient per group).
 * - regression: `scatter` with the fitted `line`; `bar` when grouped (one slope per group).
 * - forecast: `line` (history and forecast over time), `scatter`, `bar` (one bar per period).
 */
export const CHART_RULES: Readonly<Record<ResultKind, Readonly<Record<ChartType, ChartRule>>>> = {
  aggregation: {
    bar: { fits: () => true, needs: "" },
    line: { fits: (c) => oneKey(c) && ordered(c.groupKeyTypes[0]), needs: "exactly one numeric or datetime group_by column (the x axis)" },
    heatmap: {
      fits: (c) => c.groupKeyTypes.length === 2,
      drawable: (c) => c.groupKeyTypes.length >= 2,
      needs: "exactly two group_by columns (rows and columns of the grid)",
    },
    box: distribution,
    histogram: distribution,
    scatter: never("two numeric axes; an aggregation gives one number per group (use bar, or line over an ordered key)"),
  },
  correlation: {
    scatter: { fits: () => true, needs: "" },
    heatmap: { fits: () => true, needs: "" },
    bar: { fits: grouped, needs: "a group_by (one coefficient per group)" },
    line: never("an ordered series; a correlation is one coefficient (use scatter)"),
    box: never("a distribution; a correlation is one coefficient (use scatter)"),
    histogram: never("a distribution; a correlation is one coefficient (use scatter)"),
  },
  regression: {
    scatter: { fits: () => true, needs: "" },
    line: { fits: () => true, needs: "" },
    bar: { fits: grouped, needs: "a group_by (one slope per group)" },
    heatmap: never("two categorical keys; a regression is a fitted line (use scatter)"),
    box: never("a distribution; a regression is a fitted line (use scatter)"),
    histogram: never("a distribution; a regression is a fitted line (use scatter)"),
  },
  forecast: {
    line: { fits: () => true, needs: "" },
    scatter: { fits: () => true, needs: "" },
    bar: { fits: () => true, needs: "" },
    heatmap: never("two categorical keys; a forecast is a series over time (use line)"),
    box: never("a distribution; a forecast is a series over time (use line)"),
    histogram: never("a distribution; a forecast is a series over time (use line)"),
  },
};

/**
 * The result kind of an operation.
 *
 * @example
 * resultKindOf("median"); // "aggregation"
 */
export function resultKindOf(operation: Operation): ResultKind {
  return (AGGREGATIONS as readonly string[]).includes(operation) ? "aggregation" : (operation as ResultKind);
}

/**
 * Why a chart does not suit a result and whether it can be drawn anyway, or null when it suits.
 *
 * @example
 * chartVerdict("histogram", { kind: "aggregation", groupKeyTypes: [], targetType: "string", hasTarget: true });
 * // { reason: "histogram charts need a numeric target_column ...", drawable: false }
 */
export function chartVerdict(chart: ChartType, context: ChartContext): { reason: string; drawable: boolean } | null {
  const rule = CHART_RULES[context.kind][chart];
  if (rule.fits(context)) return null;
  return { reason: `${chart} charts need ${rule.needs}`, drawable: rule.drawable?.(context) ?? true };
}

/**
 * Why a chart does not suit a result, or null when it does.
 *
 * @example
 * chartMismatch("scatter", { kind: "aggregation", groupKeyTypes: [], targetType: "float", hasTarget: true });
 * // "scatter charts need two numeric axes; ..."
 */
export function chartMismatch(chart: ChartType, context: ChartContext): string | null {
  return chartVerdict(chart, context)?.reason ?? null;
}
