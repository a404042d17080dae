import { given } from "./plan-values";
import { TEST_PARAM_DEFAULTS, testRule } from "./test-rules";

/**
 * The stored form of a test plan's own fields: the defaults of the parameters the test takes (alternative
 * two-sided, equal_var true, center median) filled in where absent, and nothing added that the test does not
 * take (alpha's default comes from the operation's rule). Idempotent.
 *
 * @example normalizeTest({ test: "ttest_ind", alpha: 0.05 }) // { alternative: "two-sided", equal_var: true }
 */
export function normalizeTest(plan: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const rule = typeof plan.test === "string" ? testRule(plan.test) : undefined;
  if (rule === undefined) return {};
  const filled: Record<string, unknown> = {};
  for (const param of rule.params) {
    const fallback = TEST_PARAM_DEFAULTS[param];
    if (fallback !== undefined && !given(plan, param)) filled[param] = fallback;
  }
  return filled;
}
