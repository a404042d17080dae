import type { z } from "zod";
import type { FieldProblem } from "../errors";

/** Renders a zod issue path as `plan.filters[0].column`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/**
 * Turns zod issues into the contract's field problems, one per offending field; an unknown key becomes one
 * problem per key, naming it, so a client learns exactly what to remove.
 */
export function zodIssuesToProblems(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({ path: formatPath([...path, key]), code: "unknown_key", message: `Unknown key '${key}'.` });
      }
      continue;
    }
    problems.push({ path: formatPath(path) || "body", code: codeOf(issue), message: messageOf(issue) });
  }
  return problems;
}

/**
 * The same vocabulary as plan problems (src/engine/plan/plan-problems.ts), so a client handles a too-long
 * username and a too-long plan field alike: strings `too_long`/`too_short`, arrays `too_many`/`too_short`,
 * numbers `out_of_range`; a refinement names its own code in `params.code`.
 */
function codeOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "required" : "invalid_type";
    case "too_small":
    case "too_big": {
      const big = issue.code === "too_big";
      if (issue.origin === "string") return big ? "too_long" : "too_short";
      if (issue.origin === "array" || issue.origin === "set") return big ? "too_many" : "too_short";
      return "out_of_range";
    }
    case "invalid_format":
      return "invalid_format";
    case "invalid_value":
      return "invalid_value";
    case "custom":
      return typeof issue.params?.code === "string" ? issue.params.code : "invalid";
    default:
      return "invalid";
  }
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return "Field required.";
  const text = issue.message.endsWith(".") ? issue.message : `${issue.message}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
