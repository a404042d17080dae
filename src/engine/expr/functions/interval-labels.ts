import { roundDecimals } from "./math-functions";
import { pythonFloatRepr } from "./python-float-repr";

/**
 * pandas' default labels for cut/qcut bins (pandas 1.5 `_format_labels`, right-closed): "(left, right]" with
 * each edge as Python prints it. Integer edges print as integers ("(0, 10]"). Float edges are first rounded
 * by `_round_frac` to `precision` significant decimals (counted from the first non-zero digit for |x| < 1,
 * from the point otherwise), with the smallest precision from 3 up to 19 that keeps the edges distinct
 * (`_infer_precision`); qcut's `include_lowest` lowers the first edge by 10^-precision ("(0.999, 2.5]").
 *
 * @example intervalLabels([0, 5.5, 10], false, false) // ["(0.0, 5.5]", "(5.5, 10.0]"]
 */
export function intervalLabels(edges: readonly number[], integral: boolean, includeLowest: boolean): string[] {
  let shown: string[];
  if (integral) {
    shown = edges.map(String);
  } else {
    const precision = inferPrecision(edges);
    const breaks = edges.map((edge) => roundFraction(edge, precision));
    if (includeLowest) breaks[0] = breaks[0] - Number(`1e-${precision}`);
    shown = breaks.map(pythonFloatRepr);
  }
  return shown.slice(1).map((right, i) => `(${shown[i]}, ${right}]`);
}

/** pandas `_round_frac`: numpy round to `precision` decimals, or to `precision` significant decimals below 1. */
function roundFraction(x: number, precision: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const whole = Math.trunc(x);
  const digits = whole === 0 ? -Math.floor(Math.log10(Math.abs(x))) - 1 + precision : precision;
  return roundDecimals(x, digits);
}

/** pandas `_infer_precision`: the first precision from 3 to 19 whose rounded edges are all distinct, else 3. */
function inferPrecision(edges: readonly number[]): number {
  for (let precision = 3; precision < 20; precision++) {
    if (new Set(edges.map((edge) => roundFraction(edge, precision))).size === edges.length) return precision;
  }
  return 3;
}
