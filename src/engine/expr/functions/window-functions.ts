import { describeType, failAt, isNumeric, type Arg, type Compiled } from "../compiled";
import { stringsOf, type NumberVector } from "../vector";
import { expectNumeric, literalNumber } from "./arguments";
import { cumulativeSum } from "./cumulative-sum";
import type { FunctionSpec } from "./function-spec";
import { mapPartitions, shiftCodes } from "./partitions";
import { rollingAggregate } from "./rolling-aggregate";

/**
 * Window functions walk the rows in window order (the derive step's order_by, else the current row order) and
 * restart at each partition (partition_by), as pandas `sort_values(...).groupby(...)` then shift, diff,
 * pct_change, cumsum or rolling. Offsets and window sizes are literals, bounded so that the cost is known
 * before any data is read.
 */
export const MAX_WINDOW = 10_000;

function offset(name: string, args: readonly Arg[]): number {
  return literalNumber(name, args, 1, { integer: true, min: -MAX_WINDOW, max: MAX_WINDOW, fallback: 1 });
}

/** x shifted by `shift` positions within each partition (pandas shift): NaN where it falls outside. */
function shifted(input: Float64Array, output: Float64Array, shift: number, combine: (x: number, earlier: number) => number): void {
  for (let k = 0; k < input.length; k++) {
    const from = k - shift;
    output[k] = from >= 0 && from < input.length ? combine(input[k], input[from]) : Number.NaN;
  }
}

function shiftFunction(name: "lag" | "lead"): FunctionSpec {
  const direction = name === "lag" ? 1 : -1;
  return {
    name,
    group: "window",
    signature: `${name}(x, n = 1)`,
    summary: name === "lag"
      ? "The value n rows earlier in window order, missing before the partition's start (pandas shift(n)); any type."
      : "The value n rows later in window order, missing past the partition's end (pandas shift(-n)); any type.",
    example: `${name}(Close, 1)`,
    minArgs: 1,
    maxArgs: 2,
    compile(args) {
      const shift = direction * offset(name, args);
      const inner = args[0].compiled;
      if (inner.type === "string") {
        return { type: "string", usesRows: true, evaluate: (context) => shiftCodes(context, stringsOf(inner.evaluate(context), context.size), shift) };
      }
      const type: NumberVector["type"] = inner.type === "null" ? "float" : inner.type;
      return mapPartitions(inner, type, (input, output) => shifted(input, output, shift, (_x, earlier) => earlier));
    },
  };
}

/** A number argument for arithmetic over rows: booleans only where `booleans` (pandas diff of booleans is xor). */
function expectArithmetic(name: string, args: readonly Arg[], booleans: boolean): Compiled["type"] {
  const type = args[0].compiled.type;
  if (type === "boolean" && !booleans) failAt(args[0].node, "incompatible_type", `${name} needs numbers; got a boolean (pandas would xor them); write if(x, 1, 0) first`);
  if (type === "datetime") failAt(args[0].node, "incompatible_type", `${name} needs numbers; got a datetime (days_between(lag(d), d) gives days from the previous row)`);
  if (!isNumeric(type) && type !== "null") failAt(args[0].node, "incompatible_type", `${name} needs numbers; got ${describeType(type)}`);
  return type;
}

const diffFunction: FunctionSpec = {
  name: "diff",
  group: "window",
  signature: "diff(x, n = 1)",
  summary: "x minus the value n rows earlier in window order (pandas diff(n)); missing at the partition's start.",
  example: "diff(Sales)",
  minArgs: 1,
  maxArgs: 2,
  compile(args) {
    const type = expectArithmetic("diff", args, false);
    const shift = offset("diff", args);
    return mapPartitions(args[0].compiled, type === "integer" ? "integer" : "float", (input, output) => shifted(input, output, shift, (x, earlier) => x - earlier));
  },
};

const pctChangeFunction: FunctionSpec = {
  name: "pct_change",
  group: "window",
  signature: "pct_change(x, n = 1)",
  summary: "x / (value n rows earlier) - 1, with no forward fill of missing values (pandas pct_change(n, fill_method=None), the pandas 2.x direction); /0 gives inf.",
  example: "pct_change(Close)",
  minArgs: 1,
  maxArgs: 2,
  compile(args) {
    expectArithmetic("pct_change", args, true);
    const shift = offset("pct_change", args);
    return mapPartitions(args[0].compiled, "float", (input, output) => shifted(input, output, shift, (x, earlier) => x / earlier - 1));
  },
};

const cumsumFunction: FunctionSpec = {
  name: "cumsum",
  group: "window",
  signature: "cumsum(x)",
  summary: "Running total in window order, restarting per partition; missing values stay missing and are skipped (pandas cumsum / groupby cumsum).",
  example: "cumsum(Amount)",
  minArgs: 1,
  maxArgs: 1,
  compile(args) {
    const type = expectArithmetic("cumsum", args, true);
    const inner = args[0].compiled;
    const resultType = type === "integer" || type === "boolean" ? "integer" : "float";
    return {
      type: resultType,
      usesRows: true,
      // Several partitions are pandas groupby cumsum (Kahan-compensated); one is Series.cumsum (numpy's plain sum).
      evaluate: (context) => mapPartitions(inner, resultType, (input, output) => cumulativeSum(input, output, context.segments.length > 2)).evaluate(context),
    };
  },
};

function rollingFunction(name: "rolling_mean" | "rolling_sum"): FunctionSpec {
  const mean = name === "rolling_mean";
  return {
    name,
    group: "window",
    signature: `${name}(x, window)`,
    summary: `${mean ? "Mean" : "Sum"} of the last \`window\` rows in window order, as pandas rolling(window).${mean ? "mean" : "sum"}() (min_periods = window: missing until the window is full or when it holds a missing value).`,
    example: `${name}(Sales, 7)`,
    minArgs: 2,
    maxArgs: 2,
    compile(args) {
      const type = expectNumeric(name, args, 0);
      const window = literalNumber(name, args, 1, { integer: true, min: 1, max: MAX_WINDOW });
      const resultType = !mean && (type === "integer" || type === "boolean") ? "integer" : "float";
      return mapPartitions(args[0].compiled, resultType, (input, output) => rollingAggregate(input, output, window, mean ? "mean" : "sum"));
    },
  };
}

export const WINDOW_FUNCTIONS: readonly FunctionSpec[] = [
  shiftFunction("lag"),
  shiftFunction("lead"),
  diffFunction,
  pctChangeFunction,
  cumsumFunction,
  rollingFunction("rolling_mean"),
  rollingFunction("rolling_sum"),
];
