import { TEST_ALIASES } from "../inference/test-rules";

/** Other names of enum values, keyed by the name without case or punctuation (see TEST_ALIASES). */
const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries(TEST_ALIASES));

/**
 * The value an enum field's unknown value is another name for, when it is one of the allowed values: a
 * suggestion that spelling distance cannot find ("t-test" is ttest_ind, "ANOVA" is f_oneway).
 *
 * @example aliasOf("One-way ANOVA", ["f_oneway", "kruskal"]) // "f_oneway"
 */
export function aliasOf(value: string, allowed: readonly string[]): string | undefined {
  const target = ALIASES.get(value.toLowerCase().replace(/[^a-z0-9]/g, ""));
  return target !== undefined && allowed.includes(target) ? target : undefined;
}
