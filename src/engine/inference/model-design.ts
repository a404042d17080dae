import { EngineError } from "../errors";
import type { Frame } from "../frame/frame";
import { jsonRecord } from "../json-record";
import { buildDesign } from "../models/build-design";
import { codeDesign } from "../models/code-design";
import { codeRecords, type PredictionInput } from "../models/code-records";
import type { Design, DesignEncoding, Level, ModelSpec } from "../models/design";
import { predictLinear } from "../models/predict-linear";
import { finite } from "../ops/aggregate-rows";
import { MAX_PLAN_COST } from "../ops/estimate-plan-cost";
import type { Plan } from "../plan/plan-schema";
import { atPath } from "./at-path";
import type { Split } from "./model-params";
import type { CoefficientRow } from "./model-result";
import { modelRows, modelSpecOf, type ModelRows } from "./model-spec";

/** A model plan ready to fit: its spec, its rows (fit and test), and the design coded on the fit rows. */
export interface ModelDesign {
  spec: ModelSpec;
  rows: ModelRows;
  design: Design;
}

/**
 * The design a model plan (ols, logistic) fits: target_column ~ predictors on the complete rows, or on the
 * training rows of a split, coded as patsy would (`numeric` or two-class `binary` target), then refused if its
 * real width (a column per category level) makes the fit cost more than the plan cap: `passes` × n·p² units.
 * Errors point at the plan field they come from (split, target_column, predictors).
 *
 * @example modelDesign(frame, plan, "numeric", OLS_PASSES).design.p
 */
export function modelDesign(frame: Frame, plan: Plan, target: "numeric" | "binary", passes: number): ModelDesign {
  const spec = modelSpecOf(plan);
  const rows = atPath("plan.split", () => modelRows(frame, spec, plan.split as Split | undefined));
  const design = atPath(designPath, () => buildDesign(frame, spec, rows.fit, target));
  checkFitCost(design, passes);
  return { spec, rows, design };
}

/** Where a design's error points: the target for a target that cannot be coded, else the predictors. */
const designPath = (code: string): string => (code === "invalid_target" ? "plan.target_column" : "plan.predictors");

function checkFitCost(design: Design, passes: number): void {
  const units = design.n * design.p * design.p * passes;
  if (units > MAX_PLAN_COST) {
    throw new EngineError(
      "plan_too_costly",
      `Fitting ${design.p} coefficients on ${design.n} rows would take too long (estimated ${Math.round(units)} work units, limit ${MAX_PLAN_COST}). Use fewer rows, predictors or categories.`,
    );
  }
}

/**
 * A split's test rows coded with the training design's encoding (a level the training rows never had is
 * `unknown_category` at plan.split).
 *
 * @example predictLinear(fit.coefficients, testDesign(frame, design, rows.test).x, ...)
 */
export function testDesign(frame: Frame, design: Design, rows: Uint32Array): Design {
  return atPath("plan.split", () => codeDesign(frame, design.encoding, rows, true));
}

/**
 * X b for the plan's `predict` inputs, coded with the design's encoding (errors at plan.predict).
 *
 * @example predictInputs(design, fit.coefficients, [{ weight: 3000 }])[0] // the predicted mpg
 */
export function predictInputs(design: Design, coefficients: readonly number[], inputs: readonly PredictionInput[]): Float64Array {
  const coded = atPath("plan.predict", () => codeRecords(design.encoding, inputs));
  return predictLinear(coefficients, coded.x, coded.n);
}

/**
 * An input as the model read it: its value for each predictor column, in the design's order.
 *
 * @example echoInput(design.encoding, { weight: 3000, origin: "japan" }) // { origin: "japan", weight: 3000 }
 */
export function echoInput(encoding: DesignEncoding, input: PredictionInput): Record<string, Level> {
  const columns = [...new Set(encoding.terms.map((term) => term.column))];
  return jsonRecord(columns.map((column) => [column, input[column] as Level] as const));
}

/** A fit's coefficient summary (statsmodels OLS or Logit), in design column order. */
interface CoefficientSummary {
  names: readonly string[];
  coefficients: readonly number[];
  stdErrors: readonly number[];
  pValues: readonly number[];
  ciLower: readonly number[];
  ciUpper: readonly number[];
}

/**
 * The coefficient table of a statsmodels summary, one row per design column: estimate, standard error, the test
 * statistic under its name (`t_value` for OLS, `z_value` for Logit), p-value and interval; non-finite numbers
 * are null.
 *
 * @example coefficientRows(fit, "t_value", fit.tValues)[0] // { name: "Intercept", estimate: 46.2, std_error: 0.79, t_value: 58.2, ... }
 */
export function coefficientRows(fit: CoefficientSummary, statistic: "t_value" | "z_value", values: readonly number[]): CoefficientRow[] {
  return fit.names.map((name, j) => ({
    name,
    estimate: finite(fit.coefficients[j]),
    std_error: finite(fit.stdErrors[j]),
    [statistic]: finite(values[j]),
    p_value: finite(fit.pValues[j]),
    ci_lower: finite(fit.ciLower[j]),
    ci_upper: finite(fit.ciUpper[j]),
  }));
}
