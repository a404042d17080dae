import { describe, expect, it } from "vitest";
import { buildChartSpec } from "../charts/build-chart-spec";
import { chartTable, XSS_COLUMN } from "../charts/fixtures/chart-cases";
import { executePlan } from "../execute-plan";
import type { Plan } from "../plan/plan-schema";
import { GRANULARITIES, type Granularity } from "../plan/group-by-item";
import { argExtreme } from "./arg-extreme";
import { periodStart } from "./period-start";
import { selectGroups } from "./select-groups";
import { resultColumn, shapeOrder } from "./shape-order";

/** The period start by the calendar of Date (an exact computation: integer fields, setUTCFullYear for years < 100). */
function calendarStart(ms: number, granularity: Granularity): number {
  const d = new Date(ms);
  const at = (year: number, month: number, day = 1) => {
    const out = new Date(0);
    out.setUTCFullYear(year, month, day);
    out.setUTCHours(0, 0, 0, 0);
    return out.getTime();
  };
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  switch (granularity) {
    case "year": return at(year, 0);
    case "quarter": return at(year, month - (month % 3));
    case "month": return at(year, month);
    case "day": return at(year, month, d.getUTCDate());
    case "hour": return at(year, month, d.getUTCDate()) + d.getUTCHours() * 3_600_000;
    case "week": return at(year, month, d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * 86_400_000;
  }
}

describe("periodStart", () => {
  it("equals the calendar's period start at edges: epoch, leap days, year ends, before 1970, years below 100", () => {
    const instants = [
      0, -1, 1, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2023, 11, 31, 23, 0), Date.UTC(2024, 0, 1), Date.UTC(1969, 11, 31, 12),
      Date.UTC(1900, 2, 1), Date.UTC(2000, 1, 29), Date.UTC(2100, 2, 1) - 1, -62_135_596_800_000 /* 0001-01-01 */, -62_000_000_000_000,
      8_640_000_000_000_000 - 86_400_000 * 400, Date.UTC(2024, 4, 17, 13, 5),
    ];
    for (const ms of instants) for (const g of GRANULARITIES) expect(periodStart(ms, g), `${new Date(ms).toISOString()} ${g}`).toBe(calendarStart(ms, g));
  });

  it("equals the calendar's period start over 20,000 spread instants", () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.round((next() - 0.5) * 2 * 8.6e15);
      for (const g of GRANULARITIES) if (periodStart(ms, g) !== calendarStart(ms, g)) expect([ms, g, periodStart(ms, g)]).toEqual([ms, g, calendarStart(ms, g)]);
    }
  });

  it("weeks start on Monday, as pandas to_period('W'); NaN stays NaN", () => {
    expect(new Date(periodStart(Date.UTC(2024, 0, 7, 23), "week")).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(new Date(periodStart(Date.UTC(2024, 0, 8), "week")).toISOString()).toBe("2024-01-08T00:00:00.000Z");
    expect(periodStart(Number.NaN, "month")).toBeNaN();
  });
});

describe("argExtreme", () => {
  it("first position of the extreme in row order, and how many rows hold it, skipping missing values", () => {
    const values = Float64Array.of(3, Number.NaN, 7, 7, -1, 7);
    expect(argExtreme(values, Uint32Array.of(0, 1, 2, 3, 4, 5), "max")).toEqual({ position: 2, count: 3 });
    expect(argExtreme(values, Uint32Array.of(5, 4, 3), "max")).toEqual({ position: 0, count: 2 });
    expect(argExtreme(values, Uint32Array.of(0, 1, 4), "min")).toEqual({ position: 2, count: 1 });
    expect(argExtreme(values, Uint32Array.of(1), "min")).toEqual({ position: -1, count: 0 });
    expect(argExtreme(Float64Array.of(-0, 0), Uint32Array.of(0, 1), "max")).toEqual({ position: 0, count: 2 });
  });
});

describe("shaping a list result", () => {
  it("resultColumn types JSON values: numbers, ISO datetimes, booleans, strings; anything else is missing", () => {
    expect(Array.from((resultColumn("v", "float", [1.5, null, "x"]) as { values: Float64Array }).values)).toEqual([1.5, Number.NaN, Number.NaN]);
    expect(Array.from((resultColumn("d", "datetime", ["2024-01-02T00:00:00.000Z", null]) as { values: Float64Array }).values)).toEqual([Date.UTC(2024, 0, 2), Number.NaN]);
    expect(resultColumn("s", undefined, [null, "b", "a", "b"])).toEqual({ name: "s", type: "string", codes: Int32Array.of(-1, 0, 1, 0), dictionary: ["b", "a"] });
    expect(Array.from((resultColumn("b", "boolean", [true, false, null]) as { values: Float64Array }).values)).toEqual([1, 0, Number.NaN]);
  });

  it("having, then a stable sort with missing values last, then the limit; counts the items before the limit", () => {
    const table = { rowCount: 5, columns: [resultColumn("k", "string", ["a", "b", "c", "d", "e"]), resultColumn("v", "float", [2, null, 3, 2, 1])] };
    const order = (plan: Parameters<typeof shapeOrder>[1]) => Array.from(shapeOrder(table, plan).order);
    expect(order({ sort: [{ column: "v", direction: "desc" }] })).toEqual([2, 0, 3, 4, 1]);
    expect(order({ sort: [{ column: "v", direction: "asc" }] })).toEqual([4, 0, 3, 2, 1]);
    expect(shapeOrder(table, { having: [{ column: "v", operator: ">=", value: 2 }], sort: [{ column: "v", direction: "desc" }], limit: 2 })).toEqual({ order: Uint32Array.of(2, 0), matched: 3 });
    expect(order({ having: [{ column: "v", operator: "!=", value: 2 }] })).toEqual([1, 2, 4]);
  });

  it("selectGroups keeps the chosen groups in their new order and drops the others' rows", () => {
    const grouping = { rows: Uint32Array.of(10, 11, 12, 13), groupOf: Int32Array.of(0, 1, -1, 2), keys: [["a"], ["b"], ["c"]], sizes: Uint32Array.of(1, 1, 1) };
    expect(selectGroups(grouping, Uint32Array.of(2, 0))).toEqual({ rows: grouping.rows, groupOf: Int32Array.of(1, -1, -1, 0), keys: [["c"], ["a"]], sizes: Uint32Array.of(1, 1) });
  });

  it("a limited grouped plan answers its top groups, and its chart draws the same groups", () => {
    const table = chartTable();
    const base: Plan = { operation: "mean", target_column: "score", group_by: [XSS_COLUMN], filters: [] };
    const all = executePlan(table, base).result as { groups: Array<{ value: number }> };
    const shaped: Plan = { ...base, sort: [{ column: "value", direction: "desc" }], limit: 2, chart_type: "box" };
    const top = executePlan(table, shaped);
    const expected = [...all.groups].sort((a, b) => b.value - a.value).slice(0, 2);
    expect(top.result).toEqual({ groups: expected, total_groups: 3 });
    expect(top.grouping?.keys).toEqual(expected.map((group) => [(group as unknown as { key: Record<string, string> }).key[XSS_COLUMN]]));
    const boxes = (buildChartSpec(shaped, top).spec.datasets as Record<string, Array<{ x: string }>>).boxes;
    expect(boxes.map((box) => box.x)).toEqual(top.grouping?.keys.map((key) => key[0]));
  });

  it("aggregation names are own keys of the result whatever they are, __proto__ and constructor included", () => {
    const table = chartTable();
    const aggregations = [{ op: "count", as: "__proto__" }, { op: "mean", column: "score", as: "constructor" }];
    const ungrouped = executePlan(table, { operation: "aggregate", aggregations, filters: [], group_by: [] });
    expect(JSON.stringify(ungrouped.result)).toMatch(/^\{"__proto__":240,"constructor":[0-9.]+\}$/);
    const grouped = executePlan(table, { operation: "aggregate", aggregations, filters: [], group_by: ["status"] });
    expect(JSON.parse(JSON.stringify(grouped.result)).groups.map((g: Record<string, unknown>) => Object.keys(g))).toEqual([
      ["key", "__proto__", "constructor"], ["key", "__proto__", "constructor"],
    ]);
  });
});
