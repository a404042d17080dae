/**
 * Reference aggregations (mean, sum, count, min, max with filters and group_by) over a generated table, and the
 * comparison of a served result with them. Computed in the most straightforward way (no shared code with src/engine).
 */
import { expect } from "vitest";
import type { Kind } from "./csv-arbitraries";
import { type GeneratedFilter, REFERENCE_OPERATIONS, type ReferenceOperation, TARGET_TYPES } from "./plan-arbitraries";
import { closeTo, type ReferenceColumn } from "./reference";

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** docs/api.md filter coercion for the values the generator produces; null = uncoercible (a validation error). */
function coerce(type: Kind, value: string | number | boolean): number | string | null {
  switch (type) {
    case "integer":
    case "float": {
      if (typeof value === "number") return Number.isFinite(value) ? value : null;
      if (typeof value !== "string" || !DECIMAL.test(value.trim())) return null;
      const n = Number(value.trim());
      return Number.isFinite(n) ? n : null;
    }
    case "datetime": {
      if (typeof value !== "string" || !ISO.test(value.trim())) return null;
      const t = value.trim();
      const ms = Date.parse(/[Zz]|[+-]\d{2}:?\d{2}$/.test(t.slice(10)) || t.length === 10 ? t : `${t}Z`);
      return Number.isNaN(ms) ? null : ms;
    }
    case "boolean":
      if (typeof value === "boolean") return value ? 1 : 0;
      if (typeof value !== "string") return null;
      return ["true", "True", "TRUE"].includes(value.trim()) ? 1 : ["false", "False", "FALSE"].includes(value.trim()) ? 0 : null;
    case "string":
      return typeof value === "string" ? value : null;
  }
}

/** Code-point order (Python's, pandas' group order). */
function compareCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** A filter comparison as pandas makes it: numbers by value, strings by code point. */
function compare(a: number | string, op: GeneratedFilter["operator"], b: number | string): boolean {
  const c = typeof a === "string" ? compareCodePoints(a, b as string) : a - (b as number);
  switch (op) {
    case "==": return a === b;
    case "!=": return a !== b;
    case ">": return c > 0;
    case "<": return c < 0;
    case ">=": return c >= 0;
    case "<=": return c <= 0;
  }
}

export type ReferenceOutcome =
  | { valid: false }
  | { valid: true; filteredRows: number; result: unknown; scale: number[] /* per result value, for closeTo */ };

/**
 * The expected answer of an aggregation plan (mean/sum/count/min/max with filters and group_by), or
 * `{valid: false}` when docs/api.md says validation refuses it. Other operations return undefined (not checked).
 */
export function referenceExecute(columns: readonly ReferenceColumn[], plan: Record<string, unknown>): ReferenceOutcome | undefined {
  const operation = plan.operation as string;
  if (!(REFERENCE_OPERATIONS as readonly string[]).includes(operation)) return undefined;
  const op = operation as ReferenceOperation;
  const byName = new Map(columns.map((c) => [c.name, c] as const));
  const targetName = plan.target_column as string | undefined;
  const target = targetName === undefined ? undefined : byName.get(targetName);
  if (targetName === undefined ? op !== "count" : !target || !TARGET_TYPES[op].includes(target.type)) return { valid: false };
  const filters = (plan.filters ?? []) as GeneratedFilter[];
  const coerced: Array<{ column: ReferenceColumn; op: GeneratedFilter["operator"]; value: number | string }> = [];
  for (const f of filters) {
    const column = byName.get(f.column);
    const value = column ? coerce(column.type, f.value) : null;
    if (!column || value === null) return { valid: false };
    coerced.push({ column, op: f.operator, value });
  }
  const groupBy = ((plan.group_by ?? []) as string[]).map((name) => byName.get(name));
  if (groupBy.some((c) => c === undefined)) return { valid: false };
  const keys = groupBy as ReferenceColumn[];

  const rowCount = columns[0].values.length;
  const rows: number[] = [];
  for (let r = 0; r < rowCount; r++) {
    // a missing value fails every comparison except !=, which it passes
    if (coerced.every((f) => (f.column.values[r] === null ? f.op === "!=" : compare(f.column.values[r]!, f.op, f.value)))) rows.push(r);
  }

  const aggregate = (groupRows: number[]): { value: number | string | null; count: number; scale: number } => {
    if (!target) return { value: groupRows.length, count: groupRows.length, scale: 0 };
    const present = groupRows.map((r) => target.values[r]).filter((v): v is number | string => v !== null);
    const n = present.length;
    if (op === "count") return { value: n, count: n, scale: 0 };
    const numbers = present as number[];
    const absSum = numbers.reduce((s, x) => s + Math.abs(x), 0);
    if (op === "sum") return { value: numbers.reduce((s, x) => s + x, 0), count: n, scale: absSum };
    if (op === "mean") return { value: n ? numbers.reduce((s, x) => s + x, 0) / n : null, count: n, scale: n ? absSum / n : 0 };
    if (n === 0) return { value: null, count: 0, scale: 0 };
    const extreme = op === "min" ? Math.min(...numbers) : Math.max(...numbers);
    return { value: target.type === "datetime" ? new Date(extreme).toISOString() : extreme, count: n, scale: 0 };
  };

  if (keys.length === 0) {
    const { scale, ...result } = aggregate(rows);
    return { valid: true, filteredRows: rows.length, result, scale: [scale] };
  }
  const groups = new Map<string, { key: Array<number | string>; rows: number[] }>();
  for (const r of rows) {
    const key = keys.map((c) => c.values[r]);
    if (key.some((v) => v === null)) continue; // dropna=True
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key: key as Array<number | string>, rows: [] };
    group.rows.push(r);
    groups.set(id, group);
  }
  const ordered = [...groups.values()].sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const x = a.key[k];
      const y = b.key[k];
      const c = typeof x === "string" ? compareCodePoints(x, y as string) : (x as number) - (y as number);
      if (c !== 0) return c;
    }
    return 0;
  });
  const scale: number[] = [];
  const result = {
    groups: ordered.map((g) => {
      const key: Record<string, unknown> = {};
      keys.forEach((c, k) => {
        const v = g.key[k];
        const json = c.type === "boolean" ? v === 1 : c.type === "datetime" ? new Date(v as number).toISOString() : v;
        Object.defineProperty(key, c.name, { value: json, enumerable: true, writable: true, configurable: true });
      });
      const { scale: s, ...fields } = aggregate(g.rows);
      scale.push(s);
      return { key, ...fields };
    }),
  };
  return { valid: true, filteredRows: rows.length, result, scale };
}

/** Compares a served aggregation result with the reference (values within rel tol 1e-9 of their scale). */
export function checkAggregation(actual: unknown, expected: Extract<ReferenceOutcome, { valid: true }>, label: string): void {
  const single = (a: Record<string, unknown>, e: Record<string, unknown>, scale: number, where: string) => {
    expect(a.count, `${where}.count`).toBe(e.count);
    if (typeof e.value === "number") closeTo(a.value, e.value, scale, `${where}.value`);
    else expect(a.value, `${where}.value`).toEqual(e.value);
  };
  const e = expected.result as Record<string, unknown>;
  if (!("groups" in e)) {
    expect(Object.keys(actual as object).sort(), label).toEqual(["count", "value"]);
    single(actual as Record<string, unknown>, e, expected.scale[0], label);
    return;
  }
  const actualGroups = (actual as { groups: Array<Record<string, unknown>> }).groups;
  const expectedGroups = e.groups as Array<Record<string, unknown>>;
  expect(actualGroups.map((g) => g.key), `${label} group keys`).toEqual(expectedGroups.map((g) => g.key));
  expectedGroups.forEach((g, i) => single(actualGroups[i], g, expected.scale[i], `${label}.groups[${i}]`));
}
