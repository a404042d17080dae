import { describe, expect, it } from "vitest";
import { EngineError } from "../errors";
import { executePlan } from "../execute-plan";
import { validatePlan } from "../plan/validate-plan";
import { goldenFixtures } from "./golden-fixtures";

/**
 * Golden cases of tests and models in the plan language: every case in fixtures/inference-cases.json was
 * computed by scipy.stats 1.10.1, statsmodels 0.13.5 and scikit-learn 1.2.1 (scripts/golden/inference.py, which
 * documents the marked exceptions). Each plan is validated against its dataset (it must be valid) and executed;
 * the result must equal the reference: numbers at 1e-9 relative (1e-12 absolute near zero), p-values at 1e-9
 * relative down to 1e-300; Shapiro-Wilk's float32 p-value at 2e-5 relative or 1e-6 absolute; logistic fits
 * ("iterative") at 1e-6 relative with an objective no worse than the reference optimum's. A case where the
 * reference raises must be an EngineError with the recorded code, and a scipy warning must come with a
 * `test_warning` (and only then).
 */
type Json = number | string | boolean | null | Json[] | { [key: string]: Json };
interface InferenceCase {
  id: string;
  csv: string;
  plan: Record<string, Json>;
  expected: { result?: Record<string, Json>; error?: string; scipy_warns?: boolean };
  tolerance?: "float32" | "iterative";
  /** Logistic, penalty l2: the reference optimum's objective (log-loss + ½‖b‖²/C). */
  objective?: number;
  question?: boolean;
}

const fixtures = goldenFixtures(new URL("./fixtures/", import.meta.url));
const cases = fixtures.cases<InferenceCase>("inference-cases.json");
const tableOf = fixtures.table;

const P_VALUES = new Set(["p_value", "f_p_value", "llr_p_value"]);

/** Differences between the engine's result and the golden one, as readable paths (empty when equal). */
function compare(actual: unknown, expected: Json, path: string, tolerance: InferenceCase["tolerance"]): string[] {
  if (expected === null || typeof expected !== "object") {
    if (typeof expected !== "number" || typeof actual !== "number") return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`];
    const key = path.slice(path.lastIndexOf(".") + 1);
    const diff = Math.abs(actual - expected);
    const scale = Math.max(Math.abs(actual), Math.abs(expected));
    const relative = tolerance === "iterative" ? 1e-6 : 1e-9;
    let ok: boolean;
    if (tolerance === "float32" && key === "p_value") ok = diff <= Math.max(2e-5 * scale, 1e-6);
    else if (P_VALUES.has(key)) ok = diff <= relative * scale || (actual < 1e-300 && expected < 1e-300);
    else ok = diff <= Math.max(relative * scale, tolerance === "iterative" ? 1e-9 : 1e-12);
    return ok ? [] : [`${path}: ${actual} != ${expected} (rel ${(diff / scale).toExponential(2)})`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`];
    return expected.flatMap((item, i) => compare(actual[i], item, `${path}[${i}]`, tolerance));
  }
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return [`${path}: not an object`];
  const keys = Object.keys(expected).sort();
  const actualKeys = Object.keys(actual).sort();
  if (keys.join("\u0000") !== actualKeys.join("\u0000")) return [`${path}: keys ${JSON.stringify(actualKeys)} != ${JSON.stringify(keys)}`];
  return keys.flatMap((key) => compare((actual as Record<string, unknown>)[key], expected[key], `${path}.${key}`, tolerance));
}

interface LogisticJson {
  penalty: "l2" | "none";
  C?: number;
  log_likelihood: number;
  coefficients: Array<{ name: string; estimate: number }>;
}

/** The engine's fit must be at least as good as the reference optimum (its objective no higher). */
function objectiveProblems(actual: LogisticJson, golden: InferenceCase): string[] {
  const expected = golden.expected.result as unknown as LogisticJson;
  if (actual.penalty === "none") {
    const worse = expected.log_likelihood - actual.log_likelihood;
    return worse > 1e-9 * Math.abs(expected.log_likelihood) ? [`log-likelihood ${actual.log_likelihood} below the reference ${expected.log_likelihood}`] : [];
  }
  const squares = actual.coefficients.filter((c) => c.name !== "Intercept").reduce((sum, c) => sum + c.estimate * c.estimate, 0);
  const objective = -actual.log_likelihood + squares / (2 * (actual.C as number));
  const reference = golden.objective as number;
  return objective - reference > 1e-9 * Math.abs(reference) ? [`objective ${objective} above the reference optimum ${reference}`] : [];
}

describe("golden test and model plans against scipy, statsmodels and scikit-learn", () => {
  it("has at least 300 cases, every test and both models, and the three reference questions (normality of fare, Mann-Whitney on age by sex, OLS of mpg with a split)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(cases.map((c) => (c.plan.operation === "test" ? c.plan.test : c.plan.operation)));
    expect(kinds.size).toBe(18);
    expect(cases.filter((c) => c.question).map((c) => c.id)).toEqual([
      "shapiro:titanic:fare", "mannwhitneyu:titanic-age-by-sex:two-sided", "ols:question:mpg-weight-acceleration-split",
    ]);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const table = tableOf(golden.csv);
    const validation = validatePlan(golden.plan, { columns: table.columns.map((c) => ({ name: c.name, type: c.type })), table });
    expect(validation.errors).toEqual([]);
    if (golden.expected.error !== undefined) {
      let thrown: unknown;
      try {
        executePlan(table, validation.plan!);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(EngineError);
      expect((thrown as EngineError).code).toBe(golden.expected.error);
      return;
    }
    const output = executePlan(table, validation.plan!);
    const actual = JSON.parse(JSON.stringify(output.result));
    const problems = compare(actual, golden.expected.result as Json, "result", golden.tolerance);
    if (golden.plan.operation === "logistic") problems.push(...objectiveProblems(actual, golden));
    if (golden.expected.scipy_warns !== undefined) {
      const warned = output.warnings.some((w) => w.code === "test_warning");
      if (warned !== golden.expected.scipy_warns) problems.push(`test_warning: ${JSON.stringify(output.warnings)} but scipy warned: ${golden.expected.scipy_warns}`);
    }
    expect(problems).toEqual([]);
  });
});
