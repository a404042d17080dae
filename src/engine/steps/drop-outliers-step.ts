import { z } from "zod";
import type { EngineProblem } from "../errors";
import { frameColumn } from "../frame/frame";
import { ColumnRefSchema } from "../plan/plan-fields";
import { makeProblem, quote } from "../plan/plan-problems";
import { numpySum } from "../stats/numpy-sum";
import type { ValueColumn } from "../table/types";
import type { StepModule } from "./step";
import { unknownColumn } from "./step-problems";

const DropOutliersSchema = z.strictObject({
  column: ColumnRefSchema,
  method: z.enum(["zscore", "iqr"]).meta({ description: "zscore: |x - mean| / std (population std, scipy.stats.zscore) above `threshold`; iqr: outside [Q1 - multiplier·IQR, Q3 + multiplier·IQR] (quartiles as pandas quantile, linear)." }),
  threshold: z.number().gt(0).max(1000).optional().meta({ description: "zscore only: the largest |z| kept (default 3)." }),
  multiplier: z.number().min(0).max(1000).optional().meta({ description: "iqr only: how many IQRs beyond the quartiles are kept (default 1.5)." }),
});
type DropOutliers = z.output<typeof DropOutliersSchema>;

/**
 * `{"drop_outliers": {"column", "method", "threshold"? | "multiplier"?}}`: removes the rows whose value in a
 * numeric column is an outlier among the current rows. Rows with a missing value stay (they are not outliers;
 * drop_missing removes them):
 * - zscore: z = (x - mean) / std with the population std of the present values (scipy.stats.zscore,
 *   nan_policy="omit"); rows with |z| > threshold go. A constant column has no outliers (scipy gives NaN).
 * - iqr: Q1, Q3 by pandas `quantile` (linear); rows outside [Q1 - k·IQR, Q3 + k·IQR] go.
 * Cost: three passes (zscore) or a sort (iqr).
 */
export const dropOutliersStep: StepModule<DropOutliers> = {
  kind: "drop_outliers",
  schema: DropOutliersSchema,
  summary: "Removes rows whose value is an outlier: |z-score| above a threshold, or beyond k IQRs from the quartiles.",
  example: { column: "Fare", method: "zscore", threshold: 3 },
  normalize: (body) =>
    body.method === "zscore"
      ? { column: body.column, method: "zscore", threshold: body.threshold ?? 3 }
      : { column: body.column, method: "iqr", multiplier: body.multiplier ?? 1.5 },
  check(body, context) {
    const errors: EngineProblem[] = context.scope.has(body.column) ? [] : [unknownColumn([...context.path, "column"], body.column, context.scope)];
    const type = context.scope.get(body.column);
    if (type !== undefined && type !== "integer" && type !== "float") {
      errors.push(makeProblem([...context.path, "column"], "incompatible_type", `drop_outliers needs a numeric column; ${quote(body.column)} is ${type}`));
    }
    if (body.method === "zscore" && body.multiplier !== undefined) errors.push(makeProblem([...context.path, "multiplier"], "not_applicable", "multiplier applies to method iqr; zscore takes threshold"));
    if (body.method === "iqr" && body.threshold !== undefined) errors.push(makeProblem([...context.path, "threshold"], "not_applicable", "threshold applies to method zscore; iqr takes multiplier"));
    return { errors, scope: context.scope };
  },
  cost: (body, rows) => rows * (body.method === "zscore" ? 4 : 2 + Math.log2(rows + 1)),
  apply(frame, body) {
    const column = frameColumn(frame, body.column, "plan.steps.column") as ValueColumn;
    const values = column.values;
    const present = new Float64Array(frame.rows.length);
    let n = 0;
    for (const row of frame.rows) if (values[row] === values[row]) present[n++] = values[row];
    const keep = body.method === "zscore" ? zscoreTest(present, n, body.threshold ?? 3) : iqrTest(present, n, body.multiplier ?? 1.5);
    const rows = new Uint32Array(frame.rows.length);
    let kept = 0;
    for (const row of frame.rows) {
      const x = values[row];
      if (x !== x || keep(x)) rows[kept++] = row;
    }
    return { frame: { ...frame, rows: rows.subarray(0, kept) } };
  },
};

/** scipy.stats.zscore over the present values: mean and population std by numpy's pairwise sums. */
function zscoreTest(present: Float64Array, n: number, threshold: number): (x: number) => boolean {
  if (n === 0) return () => true;
  const mean = numpySum(present, n) / n;
  const squares = new Float64Array(n);
  let constant = true;
  for (let i = 0; i < n; i++) {
    const d = present[i] - mean;
    squares[i] = d * d;
    if (present[i] !== present[0]) constant = false;
  }
  if (constant) return () => true;
  const std = Math.sqrt(numpySum(squares, n) / n);
  return (x) => !(Math.abs((x - mean) / std) > threshold);
}

/** pandas `Series.quantile` (numpy linear) quartiles of the present values, and the fences k·IQR beyond them. */
function iqrTest(present: Float64Array, n: number, multiplier: number): (x: number) => boolean {
  if (n === 0) return () => true;
  const sorted = present.subarray(0, n).sort();
  const q1 = linearQuantile(sorted, 0.25);
  const q3 = linearQuantile(sorted, 0.75);
  const iqr = q3 - q1;
  const low = q1 - multiplier * iqr;
  const high = q3 + multiplier * iqr;
  return (x) => low <= x && x <= high;
}

/** numpy 1.24 `percentile(linear)` on sorted values, with its two-sided lerp. */
function linearQuantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * ((q * 100) / 100);
  const below = Math.floor(h);
  if (below >= sorted.length - 1) return sorted[sorted.length - 1];
  const gamma = h - below;
  const a = sorted[below];
  const d = sorted[below + 1] - a;
  return gamma >= 0.5 ? sorted[below + 1] - d * (1 - gamma) : a + d * gamma;
}
