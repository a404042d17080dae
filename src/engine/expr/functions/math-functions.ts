import { failAt } from "../compiled";
import { numbersOf, numberVector } from "../vector";
import { expectNumeric, literalNumber, numberLiteralOf } from "./arguments";
import type { FunctionSpec } from "./function-spec";
import { callTraits, mapNumbers } from "./kernels";

/**
 * numpy's `rint`: round half to even (JavaScript's Math.round rounds halves up). `x - floor(x)` is exact for
 * every double, so the halfway test is exact.
 *
 * @example roundHalfEven(2.5) // 2
 */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** 10^n by repeated multiplication, as numpy builds round's scale factor (exact up to 10^22). */
function powerOfTen(n: number): number {
  let value = 1;
  for (let i = 0; i < n; i++) value *= 10;
  return value;
}

/**
 * numpy's `round(x, decimals)` (pandas Series.round): scale by 10^decimals, round half to even, scale back; for
 * negative decimals divide first. So round(2.675, 2) is 2.67 (2.675 is stored as 2.67499999...), as in numpy.
 *
 * @example roundDecimals(1.2345, 2) // 1.23
 */
export function roundDecimals(x: number, decimals: number): number {
  if (decimals >= 0) {
    const factor = powerOfTen(decimals);
    return roundHalfEven(x * factor) / factor;
  }
  const factor = powerOfTen(-decimals);
  return roundHalfEven(x / factor) * factor;
}

function unaryFloat(name: string, summary: string, example: string, fn: (x: number) => number): FunctionSpec {
  return {
    name,
    group: "math",
    signature: `${name}(x)`,
    summary,
    example,
    minArgs: 1,
    maxArgs: 1,
    compile(args) {
      expectNumeric(name, args, 0);
      return mapNumbers(args[0], "float", fn);
    },
  };
}

const absFunction: FunctionSpec = {
  name: "abs",
  group: "math",
  signature: "abs(x)",
  summary: "Absolute value (integers stay integers).",
  example: "abs(Change)",
  minArgs: 1,
  maxArgs: 1,
  compile(args) {
    const type = expectNumeric("abs", args, 0);
    return mapNumbers(args[0], type === "float" ? "float" : "integer", Math.abs);
  },
};

const roundFunction: FunctionSpec = {
  name: "round",
  group: "math",
  signature: "round(x, digits = 0)",
  summary: "Rounds to `digits` decimals (negative: tens, hundreds), halves to even, as numpy/pandas round.",
  example: "round(Fare, 2)",
  minArgs: 1,
  maxArgs: 2,
  compile(args) {
    const type = expectNumeric("round", args, 0);
    const digits = literalNumber("round", args, 1, { integer: true, min: -15, max: 15, fallback: 0 });
    return mapNumbers(args[0], type === "float" ? "float" : "integer", (x) => roundDecimals(x, digits));
  },
};

const clipFunction: FunctionSpec = {
  name: "clip",
  group: "math",
  signature: "clip(x, low, high)",
  summary: "x limited to [low, high]; either bound may be null for none (pandas clip; missing stays missing).",
  example: "clip(Age, 0, 80)",
  minArgs: 3,
  maxArgs: 3,
  compile(args) {
    const type = expectNumeric("clip", args, 0);
    const bound = (i: number): number | null => {
      if (args[i].node.kind === "null") return null;
      const value = numberLiteralOf(args[i].node);
      if (value === null) failAt(args[i].node, "invalid_argument", "clip's bounds must be numbers written in the expression, or null");
      return value;
    };
    const low = bound(1);
    const high = bound(2);
    if (low !== null && high !== null && low > high) failAt(args[2].node, "invalid_argument", `clip's high bound (${high}) is below its low bound (${low})`);
    const integral = type !== "float" && (low === null || Number.isInteger(low)) && (high === null || Number.isInteger(high));
    const inner = args[0].compiled;
    return {
      type: integral ? "integer" : "float",
      ...callTraits([inner]),
      evaluate(context) {
        const xs = numbersOf(inner.evaluate(context), context.size);
        const out = new Float64Array(context.size);
        for (let p = 0; p < out.length; p++) {
          let x = xs[p];
          if (low !== null && x < low) x = low;
          if (high !== null && x > high) x = high;
          out[p] = x;
        }
        return numberVector(integral ? "integer" : "float", out);
      },
    };
  },
};

export const MATH_FUNCTIONS: readonly FunctionSpec[] = [
  absFunction,
  unaryFloat("sqrt", "Square root (NaN below 0).", "sqrt(Area)", Math.sqrt),
  unaryFloat("log", "Natural logarithm (log(0) = -inf, NaN below 0, as numpy).", "log(Income)", Math.log),
  unaryFloat("log10", "Base-10 logarithm.", "log10(Population)", Math.log10),
  unaryFloat("exp", "e to the power x.", "exp(Score)", Math.exp),
  roundFunction,
  unaryFloat("floor", "Largest whole number not above x (a float, as numpy).", "floor(Age)", Math.floor),
  unaryFloat("ceil", "Smallest whole number not below x (a float, as numpy).", "ceil(Hours)", Math.ceil),
  clipFunction,
];
