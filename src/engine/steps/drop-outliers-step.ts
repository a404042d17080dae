import { z } from "zod";
import type { EngineProblem } from "../errors";
import { frameColumn } from "../frame/frame";
import { ColumnRefSchema } from "../plan/plan-fields";
import { makeProblem, quote } from "../plan/plan-problems";
import { gatherPresent } from "../aggregates/column-values";
import { seriesQuantiles } from "../aggregates/ops/quantile-values";
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
 * Cost: three passes (zscore) or two selections (iqr).
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
    const source = frame.rows;
    const keep = body.method === "zscore" ? zscoreTest(values, source, body.threshold ?? 3) : iqrTest(column, source, body.multiplier ?? 1.5);
    const rows = new Uint32Array(source.length);
    let kept = 0;
    for (let i = 0; i < source.length; i++) {
      const row = source[i];
      const x = values[row];
      if (x !== x || keep(x)) rows[kept++] = row;
    }
    return { frame: { ...frame, rows: rows.subarray(0, kept) } };
  },
};

/** scipy.stats.zscore over the present values: mean and population std by numpy's pairwise sums. */
function zscoreTest(values: Float64Array, rows: Uint32Array, threshold: number): (x: number) => boolean {
  const present = gatherPresent(values, rows);
  const n = present.length;
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

/**
 * The quartiles of the present values as pandas `Series.quantile([0.25, 0.75])` (numpy linear, by selection:
 * the same order statistics a sort would give, in linear time), and the fences k·IQR beyond them.
 */
function iqrTest(column: ValueColumn, rows: Uint32Array, multiplier: number): (x: number) => boolean {
  const [q1, q3] = seriesQuantiles(column, rows, [0.25, 0.75], "linear") as [number, number];
  if (q1 !== q1) return () => true;
  const iqr = q3 - q1;
  const low = q1 - multiplier * iqr;
  const high = q3 + multiplier * iqr;
  return (x) => low <= x && x <= high;
}
