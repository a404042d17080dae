// Problem paths as the API writes them (`plan.filters[0].column`, `plan["odd key"]`), read back into keys so a
// suggestion can be applied to the plan being edited.

const SEGMENT = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The keys of a problem path below `plan`, or null when the path is not a plan path. */
export function parsePlanPath(path: string): Array<string | number> | null {
  if (path !== "plan" && !path.startsWith("plan.") && !path.startsWith("plan[")) return null;
  const keys: Array<string | number> = [];
  SEGMENT.lastIndex = 4;
  while (SEGMENT.lastIndex < path.length) {
    const at = SEGMENT.lastIndex;
    const match = SEGMENT.exec(path);
    if (match === null || match.index !== at) return null;
    if (match[1] !== undefined) keys.push(match[1]);
    else if (match[2] !== undefined) keys.push(Number(match[2]));
    else keys.push(JSON.parse(match[3]) as string);
  }
  return keys;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The plan with a problem's suggestion applied: an `unknown_key` problem renames the key (keeping its value and
 * the keys' order), any other replaces the value at the path. Returns null when the path is not in the plan.
 */
export function applySuggestion(plan: Json, path: string, code: string, suggestion: string): Json | null {
  const keys = parsePlanPath(path);
  if (keys === null || keys.length === 0) return null;
  const copy = structuredClone(plan);
  let parent: Json = copy;
  for (const key of keys.slice(0, -1)) {
    if (parent === null || typeof parent !== "object" || !Object.hasOwn(parent, key)) return null;
    parent = (parent as Record<string | number, Json>)[key];
  }
  const last = keys[keys.length - 1];
  if (parent === null || typeof parent !== "object") return null;
  if (code === "unknown_key") {
    if (Array.isArray(parent) || !Object.hasOwn(parent, last)) return null;
    const renamed: Record<string, Json> = {};
    for (const [key, value] of Object.entries(parent)) {
      Object.defineProperty(renamed, key === last ? suggestion : key, { value, enumerable: true, writable: true, configurable: true });
    }
    if (keys.length === 1) return renamed;
    const grand = keys.slice(0, -2).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], copy);
    (grand as Record<string | number, Json>)[keys[keys.length - 2]] = renamed;
    return copy;
  }
  if (Array.isArray(parent)) {
    if (typeof last !== "number" || last >= parent.length) return null;
    parent[last] = suggestion;
  } else {
    Object.defineProperty(parent, last, { value: suggestion, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
