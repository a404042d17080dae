import type { ChartContext } from "../operations/operation";
import { operationModule } from "../operations/registry";
import type { ChartType, Operation } from "./plan-schema";

export type { ChartContext } from "../operations/operation";

/**
 * Why a chart does not suit an operation's result and whether it can be drawn anyway, or null when it suits.
 * Each operation module declares its charts (see operations/operation.ts `ChartSupport`).
 *
 * @example
 * chartVerdict("histogram", "count", { groupKeyTypes: [], targetType: "string", hasTarget: true });
 * // { reason: "histogram charts need a numeric target_column ...", drawable: false }
 */
export function chartVerdict(chart: ChartType, operation: Operation, context: ChartContext): { reason: string; drawable: boolean } | null {
  const support = operationModule(operation).charts[chart];
  if (support.fits(context)) return null;
  return { reason: `${chart} charts need ${support.needs}`, drawable: support.drawable?.(context) ?? true };
}

/**
 * Why a chart does not suit an operation's result, or null when it does.
 *
 * @example
 * chartMismatch("scatter", "mean", { groupKeyTypes: [], targetType: "float", hasTarget: true });
 * // "scatter charts need two numeric axes; ..."
 */
export function chartMismatch(chart: ChartType, operation: Operation, context: ChartContext): string | null {
  return chartVerdict(chart, operation, context)?.reason ?? null;
}
