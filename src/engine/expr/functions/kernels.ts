import type { Arg, Compiled, EvalContext } from "../compiled";
import { dedupeStrings, numbersOf, numberVector, stringsOf, type NumberVector, type ValueType } from "../vector";

/**
 * Shapes of function kernels that most functions share. Per-position work is a tight loop over a typed array;
 * functions of one string column run once per distinct string (the dictionary), not once per row.
 */

/** A numeric function of one argument, element by element (NaN in, NaN out unless `fn` says otherwise). */
export function mapNumbers(arg: Arg, type: NumberVector["type"], fn: (x: number) => number): Compiled {
  const inner = arg.compiled;
  if (typeof inner.literal === "number") {
    const value = fn(inner.literal);
    return { type, literal: value, evaluate: () => ({ kind: "scalar", type, value }) };
  }
  return {
    type,
    usesRows: inner.usesRows,
    evaluate(context) {
      const xs = numbersOf(inner.evaluate(context), context.size);
      const out = new Float64Array(context.size);
      for (let p = 0; p < out.length; p++) out[p] = fn(xs[p]);
      return numberVector(type, out);
    },
  };
}

/** A string-to-string function, computed once per distinct string; null means missing. */
export function mapStrings(arg: Arg, fn: (text: string) => string | null): Compiled {
  const inner = arg.compiled;
  return {
    type: "string",
    usesRows: inner.usesRows,
    evaluate(context) {
      const { codes, dictionary } = stringsOf(inner.evaluate(context), context.size);
      return dedupeStrings(codes, dictionary.map(fn));
    },
  };
}

/** A string-to-number function (or to boolean 0/1), computed once per distinct string; missing in, NaN out. */
export function stringsToNumbers(arg: Arg, type: NumberVector["type"], fn: (text: string) => number): Compiled {
  const inner = arg.compiled;
  return {
    type,
    usesRows: inner.usesRows,
    evaluate(context) {
      const { codes, dictionary } = stringsOf(inner.evaluate(context), context.size);
      const mapped = Float64Array.from(dictionary, fn);
      const out = new Float64Array(context.size);
      for (let p = 0; p < out.length; p++) out[p] = codes[p] < 0 ? Number.NaN : mapped[codes[p]];
      return numberVector(type, out);
    },
  };
}

/**
 * A true/false result (1, 0, NaN for missing) that `fill` writes position by position into a fresh array;
 * the call depends on row order when an argument does.
 *
 * @example booleanCall([inner], (out, context) => { const xs = numbersOf(inner.evaluate(context), context.size); for (let p = 0; p < out.length; p++) out[p] = +(xs[p] > 0); })
 */
export function booleanCall(args: readonly Compiled[], fill: (out: Float64Array, context: EvalContext) => void): Compiled {
  return {
    type: "boolean",
    ...callTraits(args),
    evaluate(context) {
      const out = new Float64Array(context.size);
      fill(out, context);
      return numberVector("boolean", out);
    },
  };
}

/** Whether a call over `args` depends on row order or on other rows (when any argument does). */
export function callTraits(args: readonly Compiled[]): Pick<Compiled, "usesRows"> {
  return { usesRows: args.some((arg) => arg.usesRows === true) };
}

/**
 * The common type of two branches (if, coalesce): numbers unify to float unless both are integral, null takes
 * the other's type; anything else must be equal. Returns null when they cannot be unified.
 */
export function unifyTypes(a: ValueType, b: ValueType): ValueType | null {
  if (a === "null") return b;
  if (b === "null") return a;
  if (a === b) return a === "boolean" ? "boolean" : a;
  const numeric = (t: ValueType) => t === "integer" || t === "float" || t === "boolean";
  if (numeric(a) && numeric(b)) return a === "float" || b === "float" ? "float" : "integer";
  return null;
}
