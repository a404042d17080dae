import type { EngineProblem } from "../errors";

/**
 * Names other tools give the aggregation ops (pandas, SQL, spreadsheets): an unknown op that is one of these gets
 * the op as its suggestion, where edit distance finds nothing ("avg" is far from "mean").
 */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ["avg", "mean"], ["average", "mean"], ["nunique", "count_distinct"], ["distinct", "count_distinct"],
  ["count_unique", "count_distinct"], ["unique", "count_distinct"], ["stdev", "std"], ["stddev", "std"],
  ["standard_deviation", "std"], ["sd", "std"], ["variance", "var"], ["percentile", "quantile"], ["kurt", "kurtosis"],
  ["skewness", "skew"], ["size", "count"], ["n", "count"], ["total", "sum"], ["minimum", "min"], ["maximum", "max"],
  ["most_frequent", "mode"], ["med", "median"], ["idxmax", "max"], ["idxmin", "min"],
]);

const OP_PATH = /^plan\.aggregations\[(\d+)\]\.op$/;

/**
 * Adds an alias suggestion to `invalid_value` problems at `plan.aggregations[i].op` that have none, reading the
 * op sent from the raw plan (never through a prototype).
 *
 * @example suggestAggregationOps([{ path: "plan.aggregations[0].op", code: "invalid_value", message: "..." }], { aggregations: [{ op: "avg" }] })
 * // [{ ..., suggestion: "mean" }]
 */
export function suggestAggregationOps(problems: EngineProblem[], input: unknown): EngineProblem[] {
  return problems.map((problem) => {
    const match = OP_PATH.exec(problem.path);
    if (match === null || problem.code !== "invalid_value" || problem.suggestion !== undefined) return problem;
    const aggregations = ownValue(input, "aggregations");
    const op = Array.isArray(aggregations) ? ownValue(aggregations[Number(match[1])], "op") : undefined;
    const alias = typeof op === "string" ? ALIASES.get(op.toLowerCase()) : undefined;
    return alias === undefined ? problem : { ...problem, suggestion: alias };
  });
}

function ownValue(object: unknown, key: string): unknown {
  return object !== null && typeof object === "object" && Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}
