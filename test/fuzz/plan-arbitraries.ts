/** Plans over a known table: mostly well-formed, sometimes naming unknown columns or wrong types. */
import { fc } from "@fast-check/vitest";
import type { Kind } from "./csv-arbitraries";
import type { ReferenceColumn } from "./reference";

export const REFERENCE_OPERATIONS = ["mean", "sum", "count", "min", "max"] as const;
export type ReferenceOperation = (typeof REFERENCE_OPERATIONS)[number];
const OPERATORS = ["==", "!=", ">", "<", ">=", "<="] as const;

export interface GeneratedFilter {
  column: string;
  operator: (typeof OPERATORS)[number];
  value: string | number | boolean;
}

/** docs/api.md: the column types each reference operation accepts as target_column. */
export const TARGET_TYPES: Record<ReferenceOperation, readonly Kind[]> = {
  mean: ["integer", "float", "boolean"],
  sum: ["integer", "float", "boolean"],
  count: ["integer", "float", "boolean", "datetime", "string"],
  min: ["integer", "float", "datetime"],
  max: ["integer", "float", "datetime"],
};

/** A plan over `columns`: mostly well-formed, sometimes naming unknown columns or wrong types. */
export function planArb(columns: readonly ReferenceColumn[]): fc.Arbitrary<Record<string, unknown>> {
  const names = columns.map((c) => c.name);
  const columnName = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom("no_such_column", "__proto__", "constructor") });
  const filterValue = (name: string): fc.Arbitrary<string | number | boolean> => {
    const column = columns.find((c) => c.name === name);
    const seen = (column?.values ?? []).filter((v): v is number | string => v !== null);
    const asJson = (v: number | string): string | number | boolean =>
      column?.type === "boolean" ? v === 1 : column?.type === "datetime" ? new Date(v as number).toISOString() : v;
    const fromData = seen.length ? fc.constantFrom(...seen).map(asJson) : fc.constant(0);
    return fc.oneof(
      { weight: 12, arbitrary: fromData },
      { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string({ maxLength: 6 }), fc.constantFrom("1e3", " 42 ", "2024-01-01", "true", "nan", "inf", "0x10")) },
    );
  };
  const filter: fc.Arbitrary<GeneratedFilter> = columnName.chain((column) =>
    fc.record({ column: fc.constant(column), operator: fc.constantFrom(...OPERATORS), value: filterValue(column) }),
  );
  const ofTypes = (types: readonly Kind[]) => {
    const fitting = columns.filter((c) => types.includes(c.type)).map((c) => c.name);
    return fitting.length ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fitting) }, { weight: 1, arbitrary: columnName }) : columnName;
  };
  const common = { filters: fc.array(filter, { maxLength: 3 }), group_by: fc.uniqueArray(columnName, { maxLength: 2 }) };
  const aggregation = fc.constantFrom(...REFERENCE_OPERATIONS).chain((operation) =>
    fc.record(
      { operation: fc.constant(operation), target_column: ofTypes(TARGET_TYPES[operation]), ...common },
      { requiredKeys: operation === "count" ? ["operation"] : ["operation", "target_column"] },
    ),
  );
  const numeric = ofTypes(["integer", "float"]);
  const chart = { chart_type: fc.constantFrom("line", "bar", "scatter", "heatmap", "box", "histogram") };
  const other = fc.oneof(
    fc.record({ operation: fc.constantFrom("std", "median"), target_column: numeric, ...common, ...chart }, { requiredKeys: ["operation", "target_column"] }),
    fc.record(
      { operation: fc.constant("correlation"), x_axis: numeric, y_axis: numeric, method: fc.constantFrom("pearson", "spearman"), ...common, ...chart },
      { requiredKeys: ["operation", "x_axis", "y_axis"] },
    ),
    fc.record(
      { operation: fc.constant("regression"), x_axis: numeric, y_axis: numeric, confidence: fc.constantFrom(0.5, 0.9, 0.95, 0.99), ...common, ...chart },
      { requiredKeys: ["operation", "x_axis", "y_axis"] },
    ),
    fc.record(
      {
        operation: fc.constant("forecast"),
        target_column: numeric,
        time_column: ofTypes(["datetime", "integer", "float"]),
        horizon: fc.integer({ min: 1, max: 30 }),
        forecast_method: fc.constantFrom("linear", "holt"),
        confidence: fc.constantFrom(0.5, 0.9, 0.95, 0.99),
        filters: common.filters,
        ...chart,
      },
      { requiredKeys: ["operation", "target_column", "time_column"] },
    ),
  );
  return fc.oneof({ weight: 4, arbitrary: aggregation }, { weight: 1, arbitrary: other });
}
