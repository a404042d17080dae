import { z } from "zod";
import type { EngineProblem } from "../errors";
import type { Frame } from "../frame/frame";
import { aggregateRows } from "../ops/aggregate-rows";
import { compareCodePoints } from "../ops/compare-code-points";
import { coerceFilterValue, describeAcceptedValues } from "../plan/coerce-filter-value";
import { MAX_FILTER_STRING } from "../plan/plan-fields";
import { makeProblem, quote } from "../plan/plan-problems";
import type { Column, ColumnType } from "../table/types";
import { ColumnListSchema, columnsOf } from "./column-list";
import type { StepModule } from "./step";
import { checkColumnsInScope } from "./step-problems";

const METHODS = ["value", "mean", "median", "mode", "ffill", "bfill"] as const;

const FillMissingSchema = z.strictObject({
  columns: ColumnListSchema.meta({ description: "The columns to fill." }),
  method: z.enum(METHODS).meta({ description: "value (the given value), mean or median (numeric columns), mode (the most frequent value, the smallest on ties), ffill / bfill (the previous / next present value in row order)." }),
  value: z.union([z.string().max(MAX_FILTER_STRING), z.number(), z.boolean()]).optional().meta({ description: "method value only: the fill value, coerced to each column's type." }),
});
type FillMissing = z.output<typeof FillMissingSchema>;

/**
 * `{"fill_missing": {"columns", "method", "value"?}}`: replaces missing values, pandas `fillna`: a constant, the
 * column's mean or median over the current rows (`s.fillna(s.mean())`), its mode (`s.mode()[0]`: the smallest
 * of the most frequent values, strings by code point), or the previous (`ffill`) or next (`bfill`) present value
 * in row order (leading/trailing gaps stay missing). An integer column filled with a fractional value becomes a
 * float column. Cost: two passes per column.
 */
export const fillMissingStep: StepModule<FillMissing> = {
  kind: "fill_missing",
  schema: FillMissingSchema,
  summary: "Replaces missing values with a value, the mean, median or mode, or the previous/next value (ffill/bfill).",
  example: { columns: ["Age"], method: "median" },
  normalize: (body) => ({ columns: [...body.columns], method: body.method, ...(body.value === undefined ? {} : { value: body.value }) }),
  check(body, context) {
    const errors: EngineProblem[] = checkColumnsInScope(body.columns, [...context.path, "columns"], context.scope);
    const scope = new Map(context.scope);
    if (body.method === "value" && body.value === undefined) errors.push(makeProblem([...context.path, "value"], "missing_field", "method value needs a value"));
    if (body.method !== "value" && body.value !== undefined) errors.push(makeProblem([...context.path, "value"], "not_applicable", `value does not apply to method ${body.method}; remove it`));
    body.columns.forEach((name, i) => {
      const type = context.scope.get(name);
      if (type === undefined) return;
      if ((body.method === "mean" || body.method === "median") && type !== "integer" && type !== "float") {
        errors.push(makeProblem([...context.path, "columns", i], "incompatible_type", `${body.method} needs a numeric column; ${quote(name)} is ${type}`));
      }
      if (body.method === "value" && body.value !== undefined && coerceFilterValue(type, body.value) === null) {
        errors.push(makeProblem([...context.path, "value"], "uncoercible_value", `${JSON.stringify(body.value)} cannot fill ${quote(name)} (${type}): expected ${describeAcceptedValues(type)}`));
      }
      scope.set(name, filledType(type, body));
    });
    return { errors, scope };
  },
  cost: (body, rows) => rows * 2 * body.columns.length * (body.method === "median" || body.method === "mode" ? 3 : 1),
  apply(frame, body) {
    const columns = new Map(frame.columns);
    for (const column of columnsOf(frame, body.columns, "plan.steps.columns")) columns.set(column.name, fillColumn(frame, column, body));
    return { frame: { ...frame, columns } };
  },
};

/** An integer column stays integer only when every fill value is whole. */
function filledType(type: ColumnType, body: FillMissing): ColumnType {
  if (type !== "integer") return type;
  if (body.method === "mean" || body.method === "median") return "float";
  if (body.method === "value" && typeof body.value === "number" && !Number.isInteger(body.value)) return "float";
  return type;
}

function fillColumn(frame: Frame, column: Column, body: FillMissing): Column {
  const rows = frame.rows;
  if (column.type === "string") {
    const codes = column.codes.slice();
    const dictionary = [...column.dictionary];
    if (body.method === "ffill" || body.method === "bfill") {
      carry(rows, (row) => codes[row] >= 0, (to, from) => (codes[to] = codes[from]), body.method);
    } else {
      const fill = body.method === "value" ? String(body.value) : modeOfStrings(column, rows);
      if (fill !== null) {
        let code = dictionary.indexOf(fill);
        if (code < 0) code = dictionary.push(fill) - 1;
        for (const row of rows) if (codes[row] < 0) codes[row] = code;
      }
    }
    return { name: column.name, type: "string", codes, dictionary, ...(column.ordered === true ? { ordered: true } : {}) };
  }
  const values = column.values.slice();
  if (body.method === "ffill" || body.method === "bfill") {
    carry(rows, (row) => values[row] === values[row], (to, from) => (values[to] = values[from]), body.method);
  } else {
    const fill = fillValue(column, rows, body);
    if (fill === fill) for (const row of rows) if (values[row] !== values[row]) values[row] = fill;
  }
  return { name: column.name, type: filledType(column.type, body) as Exclude<ColumnType, "string">, values };
}

/** ffill: each missing value takes the last present one before it in row order; bfill: the next one after it. */
function carry(rows: Uint32Array, present: (row: number) => boolean, copy: (to: number, from: number) => void, method: "ffill" | "bfill"): void {
  let last = -1;
  const visit = (row: number) => {
    if (present(row)) last = row;
    else if (last >= 0) copy(row, last);
  };
  if (method === "ffill") for (let p = 0; p < rows.length; p++) visit(rows[p]);
  else for (let p = rows.length - 1; p >= 0; p--) visit(rows[p]);
}

function fillValue(column: Exclude<Column, { type: "string" }>, rows: Uint32Array, body: FillMissing): number {
  switch (body.method) {
    case "value": return Number(coerceFilterValue(column.type, body.value as string | number | boolean));
    case "mean":
    case "median": {
      const value = aggregateRows(column, rows, body.method).value;
      return typeof value === "number" ? value : Number.NaN;
    }
    default: return modeOfNumbers(column.values, rows);
  }
}

/** pandas `mode()[0]`: the smallest of the most frequent present values (NaN when none is present). */
function modeOfNumbers(values: Float64Array, rows: Uint32Array): number {
  const counts = new Map<number, number>();
  for (const row of rows) if (values[row] === values[row]) counts.set(values[row], (counts.get(values[row]) ?? 0) + 1);
  let best = Number.NaN;
  let top = 0;
  for (const [value, count] of counts) if (count > top || (count === top && value < best)) [best, top] = [value, count];
  return best;
}

function modeOfStrings(column: Extract<Column, { type: "string" }>, rows: Uint32Array): string | null {
  const counts = new Int32Array(column.dictionary.length);
  for (const row of rows) if (column.codes[row] >= 0) counts[column.codes[row]]++;
  let best: string | null = null;
  let top = 0;
  counts.forEach((count, code) => {
    const text = column.dictionary[code];
    if (count > top || (count === top && count > 0 && compareCodePoints(text, best!) < 0)) [best, top] = [text, count];
  });
  return best;
}
