import type { EngineProblem } from "../errors";
import { TEST_ALIASES, TEST_NAMES } from "../inference/test-rules";

/** Other names of a test, keyed by the name without case or punctuation (see TEST_ALIASES). */
const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries(TEST_ALIASES));

/**
 * The scipy name another name of a test stands for: a suggestion that spelling distance cannot find ("t-test"
 * is ttest_ind, "ANOVA" f_oneway), undefined when the name is none of TEST_ALIASES.
 *
 * @example aliasOf("One-way ANOVA") // "f_oneway"
 */
export function aliasOf(value: string): string | undefined {
  const target = ALIASES.get(value.toLowerCase().replace(/[^a-z0-9]/g, ""));
  return target !== undefined && (TEST_NAMES as readonly string[]).includes(target) ? target : undefined;
}

/**
 * The structural problems of a plan with the `invalid_value` of `test` suggesting the scipy name its value is
 * another name for (replacing a closest-spelling guess, which misleads there: "ttest" is closest to kstest).
 *
 * @example withAliasSuggestions(problems, { operation: "test", test: "t-test" })[0].suggestion // "ttest_ind"
 */
export function withAliasSuggestions(problems: EngineProblem[], input: unknown): EngineProblem[] {
  const given = input !== null && typeof input === "object" && Object.hasOwn(input, "test") ? (input as { test: unknown }).test : undefined;
  const alias = typeof given === "string" ? aliasOf(given) : undefined;
  if (alias === undefined) return problems;
  return problems.map((problem) => (problem.path === "plan.test" && problem.code === "invalid_value" ? { ...problem, suggestion: alias } : problem));
}
