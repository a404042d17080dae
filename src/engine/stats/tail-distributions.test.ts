import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Alternative } from "../hypothesis/test-result";
import { chiSquareSf } from "./chi-square-sf";
import { fSf } from "./f-sf";
import { kendallTauExactP } from "./kendall-tau-exact-p";
import { kolmogorovSmirnovSf } from "./kolmogorov-smirnov-sf";
import { logNormalCdf } from "./log-normal-cdf";
import { mannWhitneyUSf } from "./mann-whitney-u-sf";
import { normalSf } from "./normal-sf";
import { regularizedIncompleteGamma } from "./regularized-incomplete-gamma";
import { smirnovSf } from "./smirnov-sf";
import { studentTSf } from "./student-t-sf";

/**
 * The tail functions behind the hypothesis tests against fixtures/tail-distributions.json (written by
 * scripts/golden/hypothesis.py): mpmath at 50 digits for the continuous distributions, exact rational
 * arithmetic for the discrete null distributions, and scipy 1.10 itself for the Kolmogorov-Smirnov
 * functions, whose approximations (chosen by n and d) are what must be reproduced. Relative 1e-10, values
 * below 1e-300 only need to stay below it.
 */
interface Reference {
  function: string;
  args: (number | string)[];
  expected: number | string;
  reference: "mpmath" | "exact" | "scipy";
}

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url).href);
const references: Reference[] = JSON.parse(readFileSync(`${fixtures}tail-distributions.json`, "utf8"));

const FUNCTIONS: Record<string, (...args: (number | string)[]) => number> = {
  normalSf: (z) => normalSf(z as number),
  logNormalCdf: (z) => logNormalCdf(z as number),
  chiSquareSf: (x, df) => chiSquareSf(x as number, df as number),
  fSf: (f, dfn, dfd) => fSf(f as number, dfn as number, dfd as number),
  studentTSf: (t, df) => studentTSf(t as number, df as number),
  regularizedIncompleteGammaLower: (a, x) => regularizedIncompleteGamma(a as number, x as number),
  regularizedIncompleteGammaUpper: (a, x) => regularizedIncompleteGamma(a as number, x as number, true),
  kolmogorovSmirnovSf: (n, d) => kolmogorovSmirnovSf(n as number, d as number),
  smirnovSf: (n, d) => smirnovSf(n as number, d as number),
  mannWhitneyUSf: (u, n1, n2) => mannWhitneyUSf(u as number, n1 as number, n2 as number),
  kendallTauExactP: (n, c, alternative) => kendallTauExactP(n as number, c as number, alternative as Alternative),
};

describe("tail distributions against mpmath, exact arithmetic and scipy", () => {
  it("covers every function", () => expect(new Set(references.map((r) => r.function))).toEqual(new Set(Object.keys(FUNCTIONS))));

  it.each(Object.keys(FUNCTIONS))("%s", (name) => {
    const problems: string[] = [];
    for (const r of references.filter((x) => x.function === name)) {
      const actual = FUNCTIONS[name](...r.args);
      const expected = r.expected as number;
      const scale = Math.max(Math.abs(actual), Math.abs(expected));
      const ok = Math.abs(actual - expected) <= 1e-10 * scale || (Math.abs(actual) < 1e-300 && Math.abs(expected) < 1e-300);
      if (!ok) problems.push(`${name}(${r.args.join(", ")}) = ${actual}, ${r.reference} ${expected}`);
    }
    expect(problems).toEqual([]);
  });
});
