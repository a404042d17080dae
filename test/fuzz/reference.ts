/**
 * Reference parse and profile of a generated table, computed in the most straightforward way (no shared code
 * with src/engine).
 */
import { expect } from "vitest";
import type { Cell, GeneratedTable, Kind, Value } from "./csv-arbitraries";

/** docs/api.md header rules: trim; empty -> column_<n>; duplicates -> _2, _3, ... never colliding with a real header. */
export function referenceColumnNames(headers: readonly string[]): string[] {
  const base = headers.map((h, i) => (h.trim() === "" ? `column_${i + 1}` : h.trim()));
  const taken = new Set<string>();
  return base.map((name) => {
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
    let k = 2;
    while (taken.has(`${name}_${k}`) || base.includes(`${name}_${k}`)) k++;
    taken.add(`${name}_${k}`);
    return `${name}_${k}`;
  });
}

export interface ReferenceColumn {
  name: string;
  type: Kind;
  /** Typed value per row: numbers (booleans 1/0, datetimes epoch ms) or strings; null = missing. */
  values: Value[];
}

/** docs/api.md type inference over the non-missing cells. */
export function referenceColumn(name: string, cells: readonly Cell[]): ReferenceColumn {
  const present = cells.filter((c) => c.family !== "na");
  const families = new Set(present.map((c) => c.family));
  let type: Kind;
  if (present.length === 0) type = "float";
  else if ([...families].every((f) => f === "int")) type = "integer";
  else if ([...families].every((f) => f === "int" || f === "float")) type = "float";
  else if (families.size === 1 && families.has("bool")) type = "boolean";
  else if (families.size === 1 && families.has("date")) type = "datetime";
  else type = "string";
  const values = cells.map((c): Value => (c.family === "na" ? null : type === "string" ? c.token : c.typed));
  return { name, type, values };
}

export function referenceTable(table: GeneratedTable): ReferenceColumn[] {
  const names = referenceColumnNames(table.headers);
  return table.cells.map((cells, i) => referenceColumn(names[i], cells));
}

/** Expected ColumnProfile, numbers to be compared with {@link closeTo}. */
export function referenceProfile(column: ReferenceColumn): Record<string, unknown> {
  const present = column.values.filter((v): v is number | string => v !== null);
  const base = { type: column.type, null_count: column.values.length - present.length, distinct_count: new Set(present).size };
  if (column.type === "string" || column.type === "boolean") {
    const counts = new Map<string | number, number>();
    for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
    const top = [...counts]
      .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 10)
      .map(([value, count]) => ({ value: column.type === "boolean" ? value === 1 : value, count }));
    return { ...base, top };
  }
  const numbers = present as number[];
  const histogram = referenceHistogram(numbers);
  if (column.type === "datetime") {
    const iso = (x: number) => new Date(x).toISOString();
    return { ...base, min: numbers.length ? iso(Math.min(...numbers)) : null, max: numbers.length ? iso(Math.max(...numbers)) : null, histogram };
  }
  const n = numbers.length;
  const mean = n ? numbers.reduce((s, x) => s + x, 0) / n : null;
  const std = n >= 2 && mean !== null ? Math.sqrt(numbers.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : null;
  return { ...base, min: n ? Math.min(...numbers) : null, max: n ? Math.max(...numbers) : null, mean, std, histogram };
}

/**
 * numpy.histogram(finite, bins=min(20, distinct finite)) the plain way: numpy.linspace edges, and each value in
 * the last bin whose left edge it reaches (numpy.searchsorted semantics, the last bin closed).
 */
function referenceHistogram(numbers: number[]): { edges: number[]; counts: number[] } | null {
  const finite = numbers.filter((x) => Number.isFinite(x));
  if (finite.length === 0) return null;
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  const bins = Math.min(20, new Set(finite.map((x) => x + 0)).size);
  const delta = hi - lo;
  if (!Number.isFinite(delta) || !Number.isFinite(bins / delta)) return null;
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? hi : k * (delta / bins) + lo));
  const counts = new Array<number>(bins).fill(0);
  for (const x of finite) {
    let i = bins - 1;
    while (i > 0 && x < edges[i]) i--;
    counts[i]++;
  }
  return { edges, counts };
}

/** Relative tolerance 1e-9 against `scale` (the magnitude of the terms, so cancellation cannot fail it). */
export function closeTo(actual: unknown, expected: number | null, scale: number, label: string): void {
  if (expected === null) {
    expect(actual, label).toBeNull();
    return;
  }
  expect(typeof actual, `${label}: ${String(actual)} vs ${expected}`).toBe("number");
  const tolerance = 1e-9 * Math.max(Math.abs(expected), scale, Number.MIN_VALUE);
  expect(Math.abs((actual as number) - expected), `${label}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Compares a served ColumnProfile with the reference one. */
export function checkProfile(actual: Record<string, unknown>, column: ReferenceColumn): void {
  const expected = referenceProfile(column);
  const label = `profile of ${JSON.stringify(column.name)}`;
  const { mean, std, ...exact } = expected as { mean?: number | null; std?: number | null };
  const { mean: actualMean, std: actualStd, ...actualExact } = actual as { mean?: unknown; std?: unknown };
  expect(actualExact, label).toEqual(exact);
  if (column.type === "integer" || column.type === "float") {
    const numbers = column.values.filter((v): v is number => v !== null);
    const scale = numbers.reduce((s, x) => s + Math.abs(x), 0) / Math.max(numbers.length, 1);
    closeTo(actualMean, mean ?? null, scale, `${label}.mean`);
    closeTo(actualStd, std ?? null, scale, `${label}.std`);
  }
}
