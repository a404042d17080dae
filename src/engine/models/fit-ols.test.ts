import { initialFrame } from "../frame/frame";
import { describe, expect, it } from "vitest";
import { EngineError } from "../errors";
import { buildDesign } from "./build-design";
import type { ModelSpec } from "./design";
import { fitOls, type OlsResult } from "./fit-ols";
import { allRows, expectClose, fixtureTable, readCases, type FixtureColumn, type FixtureNumber } from "./fixtures/fixture-table";

interface OlsCase {
  id: string;
  columns: FixtureColumn[];
  spec: ModelSpec;
  confidence: number;
  note?: string;
  exact_fields?: string[];
  expected: { error: string } | (Record<string, FixtureNumber | FixtureNumber[]> & { names: string[]; nanFields?: string[]; hasConstant?: boolean });
}

const cases = readCases<OlsCase>("ols.json");
const VECTORS = ["coefficients", "stdErrors", "tValues", "pValues", "ciLower", "ciUpper"] as const;
const SCALARS = ["rSquared", "rSquaredAdj", "fValue", "fPValue", "logLikelihood", "aic", "bic", "ssr"] as const;

/**
 * statsmodels 0.13.5 OLS (or, in fields listed in a case's exact_fields, exact rational least squares): 1e-9
 * relative everywhere, with absolute floors only where a value is a difference of larger ones (a coefficient
 * or confidence bound that is ~0 next to its standard error: 1e-12 of the standard error).
 */
describe("OLS against statsmodels / exact least squares", () => {
  it("has the cases the brief asks for", () => expect(cases.length).toBeGreaterThanOrEqual(45));

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const table = fixtureTable(golden.columns);
    const run = () => fitOls(buildDesign(initialFrame(table), golden.spec, allRows(table), "numeric"), golden.confidence);
    const expected = golden.expected;
    if ("error" in expected) {
      expect(run).toThrowError(expect.objectContaining({ code: expected.error }) as unknown as EngineError);
      return;
    }
    const fit = run();
    expect(fit.names).toEqual(expected.names);
    for (const key of ["n", "dfModel", "dfResid", "hasConstant"] as const) expect(fit[key], key).toEqual(expected[key]);
    const se = fit.stdErrors;
    for (const field of VECTORS) {
      if (expected.nanFields?.includes(field)) {
        for (const value of fit[field]) expect(value, field).toBeNaN();
        continue;
      }
      const values = expected[field] as FixtureNumber[] | undefined;
      if (values === undefined) continue;
      values.forEach((value, j) => {
        const nearZero = field === "coefficients" || field === "ciLower" || field === "ciUpper";
        const floor = nearZero && Number.isFinite(se[j]) ? 1e-12 * se[j] : field === "tValues" ? 1e-12 : 0;
        expectClose(fit[field][j], value, 1e-9, floor, `${field}[${j}] ${fit.names[j]}`);
      });
    }
    for (const field of SCALARS) {
      if (expected.nanFields?.includes(field)) {
        expect(fit[field], field).toBeNaN();
        continue;
      }
      const value = expected[field] as FixtureNumber | undefined;
      if (value !== undefined) expectClose(fit[field as keyof OlsResult] as number, value, 1e-9, 1e-12, field);
    }
  });
});

describe("collinear designs name their columns", () => {
  const byId = new Map(cases.map((c) => [c.id, c]));
  const message = (id: string) => {
    const golden = byId.get(id)!;
    const table = fixtureTable(golden.columns);
    try {
      fitOls(buildDesign(initialFrame(table), golden.spec, allRows(table), "numeric"));
    } catch (error) {
      return (error as EngineError).message;
    }
    return "";
  };
  it.each([
    ["ols-collinear-constant-with-intercept", '"const" is constant over the 30 rows used, so it duplicates the intercept'],
    ["ols-collinear-sum-of-two", '"sum12" is a linear combination of "x1" and "x2"'],
    ["ols-collinear-multiple", '"twice1" is a multiple of "x1"'],
    ["ols-collinear-sum-plus-intercept", '"shifted" is a linear combination of "x1", "x2" and the intercept'],
    ["ols-collinear-zero-column", '"zero" is zero in all 30 rows used'],
    ["ols-collinear-duplicate-grouping", '"g_copy[T.y]" is a multiple of "g[T.b]"; "g_copy[T.z]" is a multiple of "g[T.c]"'],
    ["ols-collinear-single-level", '"single" has the single level "only"'],
  ])("%s", (id, text) => expect(message(id)).toContain(text));
});
