import { initialFrame } from "../frame/frame";
import type { Grouping } from "../ops/group-rows";
import { selectRows } from "../ops/select-rows";
import { sortRows } from "../ops/sort-rows";
import type { Plan } from "../plan/plan-schema";
import type { Column, ColumnType, Table } from "../table/types";
import type { ResultColumn } from "./result-columns";

/**
 * A result column as the engine's columnar form, so having and sort run the same filters and sort as the rows
 * do: numbers as they are, booleans 0/1, ISO datetimes as epoch milliseconds, strings dictionary-encoded; null
 * (or anything else) is missing. `type` undefined infers the kind from the first value present.
 *
 * @example resultColumn("median_price", "float", [3.5, null]).values // Float64Array [3.5, NaN]
 */
export function resultColumn(name: string, type: ColumnType | undefined, values: readonly unknown[]): Column {
  const kind = type ?? inferType(values);
  if (kind === "string") {
    const ids = new Map<string, number>();
    const codes = new Int32Array(values.length);
    values.forEach((value, i) => {
      if (typeof value !== "string") {
        codes[i] = -1;
        return;
      }
      let code = ids.get(value);
      if (code === undefined) ids.set(value, (code = ids.size));
      codes[i] = code;
    });
    return { name, type: "string", codes, dictionary: [...ids.keys()] };
  }
  const out = new Float64Array(values.length);
  values.forEach((value, i) => {
    if (kind === "datetime") out[i] = typeof value === "string" ? Date.parse(value) : Number.NaN;
    else if (kind === "boolean") out[i] = value === true ? 1 : value === false ? 0 : Number.NaN;
    else out[i] = typeof value === "number" && Number.isFinite(value) ? value : Number.NaN;
  });
  return { name, type: kind, values: out };
}

function inferType(values: readonly unknown[]): ColumnType {
  for (const value of values) {
    if (typeof value === "string") return "string";
    if (typeof value === "boolean") return "boolean";
    if (typeof value === "number") return "float";
  }
  return "float";
}

/**
 * The items of a list result that `having` keeps, in `sort` order, cut to `limit`: positions into `table`'s rows
 * (one row per item), and how many passed `having` (the count before the limit). having runs the filters of
 * ops/select-rows.ts over the result's columns, sort the stable multi-key sort of ops/sort-rows.ts (missing
 * last, ties in item order).
 *
 * @example shapeOrder(table, { ...plan, sort: [{ column: "count", direction: "desc" }], limit: 3 }) // { order: [4, 0, 2], matched: 9 }
 */
export function shapeOrder(table: Table, plan: Pick<Plan, "having" | "sort" | "limit">): { order: Uint32Array; matched: number } {
  const frame = initialFrame(table);
  let rows = plan.having === undefined || plan.having.length === 0 ? frame.rows : selectRows(frame, plan.having, "plan.having").frame.rows;
  const matched = rows.length;
  if (plan.sort !== undefined && plan.sort.length > 0) {
    rows = sortRows(rows, plan.sort.map((key) => ({ column: frame.columns.get(key.column)!, descending: key.direction === "desc" })));
  }
  if (plan.limit !== undefined && rows.length > plan.limit) rows = rows.subarray(0, plan.limit);
  return { order: rows, matched };
}

/** Whether the plan asks for any shaping of its result. */
export function shapesResult(plan: Plan): boolean {
  return (plan.having?.length ?? 0) > 0 || (plan.sort?.length ?? 0) > 0 || plan.limit !== undefined;
}

/** A column of a list result as shaping reads it: its name, its type, and its values (read only when named). */
export interface LazyResultColumn {
  readonly name: string;
  readonly type: ColumnType | undefined;
  readonly values: () => readonly unknown[];
}

/**
 * {@link shapeOrder} over `count` items whose columns are built only when having or sort names them (a key
 * column of 5,000 ISO dates is parsed only if sorted on); a name given twice resolves to its last column.
 *
 * @example shapeItems(plan, groups.length, [{ name: "median_price", type: "float", values: () => medians }])
 */
export function shapeItems(plan: Pick<Plan, "having" | "sort" | "limit">, count: number, columns: readonly LazyResultColumn[]): { order: Uint32Array; matched: number } {
  const named = new Set([...(plan.sort ?? []).map((key) => key.column), ...(plan.having ?? []).flatMap((c) => ("any" in c ? c.any : [c]).map((f) => f.column))]);
  const table: Table = {
    rowCount: count,
    columns: columns.filter((column) => named.has(column.name)).map((column) => resultColumn(column.name, column.type, column.values())),
  };
  return shapeOrder(table, plan);
}

/**
 * {@link shapeItems} over the groups of a grouped result whose `columns` ({@link ResultColumn}, keys first) are
 * read lazily: keys from the grouping, fields through `fieldValues` by name.
 *
 * @example shapeGroupOrder(plan, columns, grouping, (name) => groups.map((group) => group[name])) // { order: [4, 0, 2], matched: 9 }
 */
export function shapeGroupOrder(
  plan: Pick<Plan, "having" | "sort" | "limit">,
  columns: readonly ResultColumn[],
  grouping: Grouping,
  fieldValues: (name: string) => readonly unknown[],
): { order: Uint32Array; matched: number } {
  const lazy = columns.map((column, i) => ({
    name: column.name,
    type: column.type,
    values: () => (column.key ? grouping.keys.map((key) => key[i]) : fieldValues(column.name)),
  }));
  return shapeItems(plan, grouping.keys.length, lazy);
}
