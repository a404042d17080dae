// One table view of any execution result: grouped results, forecast points, or the fields of a single result.

export interface ResultTable {
  columns: string[];
  rows: unknown[][];
  /** Fields beside the list of groups or points (a forecast's method, horizon, fit). */
  extra: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * `{groups: [{key, ...}]}` -> one row per group, key columns first; `{points: [...]}` (forecast) -> one row per
 * point; anything else -> one row of its scalar fields. Nested objects (a forecast's `fit`) become JSON text.
 */
export function resultTable(result: Record<string, unknown>): ResultTable {
  const list = Array.isArray(result.groups) ? result.groups : Array.isArray(result.points) ? result.points : null;
  if (list === null) {
    const columns = Object.keys(result);
    return { columns, rows: [columns.map((c) => result[c])], extra: {} };
  }
  const columns: string[] = [];
  const seen = new Set<string>();
  const add = (name: string) => {
    if (!seen.has(name)) {
      seen.add(name);
      columns.push(name);
    }
  };
  const flat = list.filter(isRecord).map((item) => {
    const row = new Map<string, unknown>();
    for (const [name, value] of Object.entries(item)) {
      if (name === "key" && isRecord(value)) {
        for (const [keyName, keyValue] of Object.entries(value)) {
          add(keyName);
          row.set(keyName, keyValue);
        }
      } else {
        add(name);
        row.set(name, value);
      }
    }
    return row;
  });
  const extra = Object.fromEntries(Object.entries(result).filter(([name]) => name !== "groups" && name !== "points"));
  return { columns, rows: flat.map((row) => columns.map((c) => row.get(c) ?? null)), extra };
}

/** How a cell is shown: numbers exactly as JSON has them, null as an em dash, objects as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
