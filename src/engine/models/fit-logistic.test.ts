import { initialFrame } from "../frame/frame";
import { describe, expect, it } from "vitest";
import { EngineError } from "../errors";
import { buildDesign } from "./build-design";
import type { Design, Level, ModelSpec } from "./design";
import { fitLogisticRegression } from "./fit-logistic-regression";
import { fitLogit, type LogitResult } from "./fit-logit";
import { allRows, expectClose, fixtureNumber, fixtureTable, readCases, type FixtureColumn, type FixtureNumber } from "./fixtures/fixture-table";
import { predictClasses } from "./predict-classes";
import { predictLinear } from "./predict-linear";

interface PenalizedReference {
  coefficients: FixtureNumber[];
  objective: number;
  lbfgsTightObjective: number;
  logLikelihood: number;
  predictions: number[];
  defaultPredictions: number[];
  defaultConverged: boolean;
  defaultObjective: number;
}

interface LogisticCase {
  id: string;
  columns: FixtureColumn[];
  spec: ModelSpec;
  c: number;
  confidence: number;
  note?: string;
  expected:
    | { error: string }
    | {
        names: string[];
        classes: [Level, Level];
        n: number;
        sklearn: { error: string } | PenalizedReference;
        logit: { error: string } | (Record<string, FixtureNumber | FixtureNumber[]>);
      };
}

const cases = readCases<LogisticCase>("logistic.json");

/**
 * Iterative fits: coefficients within 1e-6 relative of the tightly converged references (absolute floor 1e-9
 * of the largest coefficient, or of the standard error, for coefficients that are ~0), an objective no worse
 * than the reference's (up to 1e-12 relative rounding), and scikit-learn's class predictions.
 */
describe("logistic regression against scikit-learn and statsmodels", () => {
  it("has the cases the brief asks for", () => expect(cases.length).toBeGreaterThanOrEqual(25));

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const table = fixtureTable(golden.columns);
    const design = () => buildDesign(initialFrame(table), golden.spec, allRows(table), "binary");
    const expected = golden.expected;
    if ("error" in expected) {
      expect(design).toThrowError(expect.objectContaining({ code: expected.error }) as unknown as EngineError);
      return;
    }
    const d = design();
    expect(d.encoding.names).toEqual(expected.names);
    expect(d.encoding.target.kind === "binary" && d.encoding.target.classes).toEqual(expected.classes);
    const { sklearn, logit } = expected;
    if ("error" in sklearn) {
      expect(() => fitLogisticRegression(d, golden.c)).toThrowError(expect.objectContaining({ code: sklearn.error }) as unknown as EngineError);
    } else {
      checkPenalized(d, golden.c, sklearn);
    }
    if ("error" in logit) {
      expect(() => fitLogit(d, golden.confidence)).toThrowError(expect.objectContaining({ code: logit.error }) as unknown as EngineError);
    } else {
      checkLogit(fitLogit(d, golden.confidence), logit);
    }
  });
});

function checkPenalized(d: Design, c: number, reference: PenalizedReference): void {
  const fit = fitLogisticRegression(d, c);
  expect(fit.converged).toBe(true);
  const coefficients = reference.coefficients.map(fixtureNumber);
  const largest = Math.max(1, ...coefficients.map(Math.abs));
  coefficients.forEach((value, j) => expectClose(fit.coefficients[j], value, 1e-6, 1e-9 * largest, `coef[${j}] ${fit.names[j]}`));
  expect(fit.objective).toBeLessThanOrEqual(reference.objective + 1e-12 * Math.abs(reference.objective));
  expect(fit.objective).toBeLessThanOrEqual(reference.lbfgsTightObjective);
  const predicted = Array.from(predictClasses(predictLinear(fit.coefficients, d.x, d.n)).classes);
  expect(predicted).toEqual(reference.predictions);
  // lbfgs' default fit (tol 1e-4) predicts as the optimum does unless it stopped far from it (unscaled predictors).
  const defaultReachedOptimum = reference.defaultPredictions.every((value, i) => value === reference.predictions[i]);
  if (defaultReachedOptimum) expect(predicted).toEqual(reference.defaultPredictions);
  else expect(fit.objective).toBeLessThan(reference.defaultObjective - 1e-6 * Math.abs(reference.defaultObjective));
}

function checkLogit(result: LogitResult, reference: Record<string, FixtureNumber | FixtureNumber[]>): void {
  const z = result.zValues;
  for (const field of ["coefficients", "stdErrors", "zValues", "ciLower", "ciUpper", "pValues"] as const) {
    (reference[field] as FixtureNumber[]).forEach((value, j) => {
      // p = 2Φ(-|z|) has relative sensitivity ~z² to z; bounds near 0 are differences of b and q·se.
      const rel = field === "pValues" ? 1e-6 * Math.max(1, z[j] * z[j]) : 1e-6;
      const floor = field === "ciLower" || field === "ciUpper" || field === "coefficients" ? 1e-9 * result.stdErrors[j] : 0;
      expectClose(result[field][j], value, rel, floor, `${field}[${j}] ${result.names[j]}`);
    });
  }
  for (const field of ["logLikelihood", "llNull", "pseudoRSquared", "llr", "aic", "bic", "dfModel", "dfResid"] as const) {
    expectClose(result[field], reference[field] as FixtureNumber, 1e-8, 1e-12, field);
  }
  // χ² tail of llr: relative sensitivity ~llr/2 to llr's relative error.
  expectClose(result.llrPValue, reference.llrPValue as FixtureNumber, 1e-8 * Math.max(1, result.llr), 1e-300, "llrPValue");
  expect(result.logLikelihood).toBeGreaterThanOrEqual(fixtureNumber(reference.logLikelihood as FixtureNumber) * (1 + 1e-12));
}
