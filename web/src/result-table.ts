// One table view of any execution result: groups, lists, rows, matrices, or the fields of a single result.

export interface ResultTable {
  columns: string[];
  rows: unknown[][];
  /** Fields beside the list of groups or points (a forecast's method, horizon, fit). */
  extra: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The list a result is about, in the order results name them (groups, forecast points, counts, coefficients). */
const LIST_FIELDS = ["groups", "points", "entries", "coefficients"];

/**
 * One table per result, whatever its operation:
 * - `{groups: [{key, ...}]}` -> one row per group, key columns first; `{points}` (forecast), `{entries}`
 *   (value_counts), `{coefficients}` (models), or else the first list of objects -> one row per item;
 * - `rows` -> its columns and rows; `crosstab` -> its matrix, labels in the first column, margins as `All`;
 *   `describe` -> one row of its statistics;
 * - anything else -> one row of its fields.
 * The fields beside the table go to `extra`. Nested objects (a forecast's `fit`) become JSON text when shown.
 */
export function resultTable(result: Record<string, unknown>): ResultTable {
  if (Array.isArray(result.columns) && Array.isArray(result.rows)) {
    return { columns: result.columns.map(String), rows: result.rows.filter(Array.isArray), extra: without(result, ["columns", "rows"]) };
  }
  if (Array.isArray(result.row_labels) && Array.isArray(result.column_labels) && Array.isArray(result.values)) return crosstabTable(result);
  if (isRecord(result.statistics)) {
    const statistics = result.statistics;
    return { columns: Object.keys(statistics), rows: [Object.values(statistics)], extra: without(result, ["statistics"]) };
  }
  const listField =
    LIST_FIELDS.find((name) => Array.isArray(result[name])) ??
    Object.keys(result).find((name) => Array.isArray(result[name]) && (result[name] as unknown[]).length > 0 && (result[name] as unknown[]).every(isRecord));
  if (listField === undefined) {
    const columns = Object.keys(result);
    return { columns, rows: [columns.map((c) => result[c])], extra: {} };
  }
  return { ...itemsTable(result[listField] as unknown[]), extra: without(result, [listField]) };
}

/** One row per item, a group's key spread into columns first. */
function itemsTable(list: unknown[]): Omit<ResultTable, "extra"> {
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
  return { columns, rows: flat.map((row) => columns.map((c) => row.get(c) ?? null)) };
}

/** The crosstab's matrix as pandas prints it: row labels first, margins (when asked) as the `All` row and column. */
function crosstabTable(result: Record<string, unknown>): ResultTable {
  const labels = result.row_labels as unknown[];
  const values = result.values as unknown[];
  const rowMargins = Array.isArray(result.row_margins) ? result.row_margins : null;
  const columnMargins = Array.isArray(result.column_margins) ? result.column_margins : null;
  const columns = ["", ...(result.column_labels as unknown[]).map(String), ...(rowMargins === null ? [] : ["All"])];
  const rows = labels.map((label, i) => [label, ...(Array.isArray(values[i]) ? values[i] : []), ...(rowMargins === null ? [] : [rowMargins[i] ?? null])]);
  if (columnMargins !== null) rows.push(["All", ...columnMargins, ...(rowMargins === null ? [] : [result.grand_margin ?? null])]);
  return { columns, rows, extra: without(result, ["row_labels", "column_labels", "values", "row_margins", "column_margins", "grand_margin"]) };
}

function without(result: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(result).filter(([name]) => !names.includes(name)));
}

/** How a cell is shown: numbers exactly as JSON has them, null as an em dash, objects as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
