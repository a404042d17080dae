import type { AggregateOp, AggregateOpName } from "./aggregate-op";
import { count } from "./ops/count";
import { countDistinct } from "./ops/count-distinct";
import { first } from "./ops/first";
import { kurtosis } from "./ops/kurtosis";
import { last } from "./ops/last";
import { max } from "./ops/max";
import { mean } from "./ops/mean";
import { median } from "./ops/median";
import { min } from "./ops/min";
import { mode } from "./ops/mode";
import { quantile } from "./ops/quantile";
import { sem } from "./ops/sem";
import { skew } from "./ops/skew";
import { std } from "./ops/std";
import { sum } from "./ops/sum";
import { variance } from "./ops/var";

/** Every aggregation op, in the order the plan language documents them. */
export const AGGREGATE_OPS: readonly AggregateOp[] = [
  count, countDistinct, sum, mean, median, min, max, std, variance, sem, quantile, skew, kurtosis, mode, first, last,
];

const byName = new Map<string, AggregateOp>(AGGREGATE_OPS.map((op) => [op.name, op]));

/**
 * The op of a name, or undefined for an unknown name (validation reports it with a suggestion).
 *
 * @example findAggregateOp("median")?.ungrouped(price, rows, {}) // 39.5
 */
export function findAggregateOp(name: AggregateOpName | string): AggregateOp | undefined {
  return byName.get(name);
}
