const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats a path the way clients read it in problems: `root` first (when given), dots before identifier keys,
 * `[i]` for indexes and `["key"]` for keys that are not identifiers (an unknown key can be any string). The one
 * formatter of problem paths, for plans (`plan.filters[0].column`) and request bodies (`filters[0].column`,
 * `query.limit`) alike.
 *
 * @example
 * formatProblemPath(["filters", 0, "column"], "plan"); // "plan.filters[0].column"
 * formatProblemPath(["a.b"], "plan");                  // 'plan["a.b"]'
 * formatProblemPath(["email"]);                        // "email"
 */
export function formatProblemPath(path: readonly PropertyKey[], root = ""): string {
  let out = root;
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}
