import { describe, expect, it } from "vitest";
import { EngineError } from "./errors";
import { executePlan } from "./execute-plan";
import { goldenFixtures } from "./golden/golden-fixtures";
import { MAX_PLAN_COST, estimatePlanCost } from "./ops/estimate-plan-cost";
import { MAX_GROUPS, groupRows } from "./ops/group-rows";
import { selectRows } from "./ops/select-rows";
import { initialFrame } from "./frame/frame";
import type { Plan } from "./plan/plan-schema";
import type { Table } from "./table/types";

const table: Table = {
  rowCount: 5,
  columns: [
    { name: "__proto__", type: "string", codes: Int32Array.from([0, 1, 0, -1, 1]), dictionary: ["b", "a"] },
    { name: "x", type: "float", values: Float64Array.from([1, 2, Number.NaN, 4, 5]) },
    { name: "t", type: "datetime", values: Float64Array.from([0, 86_400_000, 2 * 86_400_000, Number.NaN, 3 * 86_400_000]) },
  ],
};
const plan = (p: Partial<Plan>): Plan => ({ operation: "mean", filters: [], group_by: [], ...p });

describe("executePlan", () => {
  it("keeps a __proto__ group key through JSON", () => {
    const out = executePlan(table, plan({ target_column: "x", group_by: ["__proto__"] }));
    expect(JSON.parse(JSON.stringify(out.result))).toEqual({
      groups: [{ key: { ["__proto__"]: "a", }, value: 3.5, count: 2 }, { key: { ["__proto__"]: "b" }, value: 1, count: 1 }].map((g) =>
        ({ ...g, key: JSON.parse(`{"__proto__":${JSON.stringify(g.key["__proto__"])}}`) })),
    });
    expect(JSON.stringify(out.result)).toContain('"key":{"__proto__":"a"}');
  });

  it("lets missing values pass != only, and reports every filter step", () => {
    const out = executePlan(table, plan({ operation: "count", filters: [{ column: "x", operator: "!=", value: 2 }, { column: "x", operator: "<", value: 5 }] }));
    expect(out.result).toEqual({ value: 2, count: 2 });
    expect(out.filter_steps.map((s) => s.rows_remaining)).toEqual([4, 2]);
  });

  it("answers nothing-selected with 0 and null, and warns", () => {
    const out = executePlan(table, plan({ operation: "sum", target_column: "x", filters: [{ column: "x", operator: ">", value: 99 }] }));
    expect(out.result).toEqual({ value: 0, count: 0 });
    expect(out.warnings.map((w) => w.code)).toEqual(["no_rows_selected"]);
  });

  it("gives ISO strings for datetime min/max", () => {
    expect(executePlan(table, plan({ operation: "max", target_column: "t" })).result).toEqual({ value: "1970-01-04T00:00:00.000Z", count: 4 });
  });

  it("refuses forecasts with fewer than 3 distinct times", () => {
    const p = plan({ operation: "forecast", target_column: "x", time_column: "t", filters: [{ column: "x", operator: "<", value: 3 }] });
    expect(() => executePlan(table, p)).toThrow(EngineError);
  });

  it("refuses plans over the cost cap", () => {
    const huge: Table = { rowCount: 1e9, columns: table.columns };
    expect(estimatePlanCost(huge, plan({ target_column: "x" }))).toBeGreaterThan(MAX_PLAN_COST);
    expect(() => executePlan(huge, plan({ target_column: "x" }))).toThrowError(expect.objectContaining({ code: "plan_too_costly" }) as unknown as Error);
  });
});

describe("selection API", () => {
  it("selects and groups rows, dropping missing keys, sorted by key", () => {
    const { rows } = selectRows(initialFrame(table), [{ column: "x", operator: ">=", value: 2 }]).frame;
    expect(Array.from(rows)).toEqual([1, 3, 4]);
    const grouping = groupRows(initialFrame(table), rows, ["__proto__"]);
    expect(grouping.keys).toEqual([["a"], ["b"]].slice(0, 1));
    expect(Array.from(grouping.sizes)).toEqual([2]);
  });
});

describe("group cap", () => {
  const tooMany = expect.objectContaining({ code: "too_many_groups", message: expect.stringContaining("more than 5,000 groups") }) as unknown as Error;
  const ids = (n: number, groups: number): Table => ({
    rowCount: n,
    columns: [
      { name: "id", type: "integer", values: Float64Array.from({ length: n }, (_, i) => i % groups) },
      { name: "sid", type: "string", codes: Int32Array.from({ length: n }, (_, i) => i % groups), dictionary: Array.from({ length: groups }, (_, i) => `u${i}`) },
      { name: "fid", type: "float", values: Float64Array.from({ length: n }, (_, i) => (i % groups) + 0.5) },
      { name: "x", type: "float", values: Float64Array.from({ length: n }, (_, i) => i % 7) },
    ],
  });

  it("is 5,000", () => expect(MAX_GROUPS).toBe(5000));

  it("refuses a group_by over 1,000,000 distinct ids", () => {
    const big = ids(1_000_000, 1_000_000);
    for (const id of ["id", "sid", "fid"]) {
      expect(() => executePlan(big, plan({ operation: "count", group_by: [id] }))).toThrowError(tooMany);
      expect(() => executePlan(big, plan({ operation: "regression", x_axis: "x", y_axis: "x", group_by: [id] }))).toThrowError(tooMany);
    }
  });

  it("allows exactly 5,000 groups and refuses 5,001", () => {
    for (const id of ["id", "sid", "fid"]) {
      const out = executePlan(ids(10_000, 5000), plan({ operation: "count", group_by: [id] }));
      expect("groups" in out.result && out.result.groups.length).toBe(5000);
      expect(() => executePlan(ids(10_002, 5001), plan({ operation: "count", group_by: [id] }))).toThrowError(tooMany);
    }
  });

  it("counts key combinations, and only over rows where every key is present", () => {
    const n = 10_000;
    const grid: Table = {
      rowCount: n,
      columns: [
        { name: "a", type: "integer", values: Float64Array.from({ length: n }, (_, i) => i % 100) },
        { name: "b", type: "string", codes: Int32Array.from({ length: n }, (_, i) => Math.floor(i / 100) % 100), dictionary: Array.from({ length: 100 }, (_, i) => `b${i}`) },
        { name: "c", type: "float", values: Float64Array.from({ length: n }, (_, i) => (i < 10 ? i : Number.NaN)) },
        { name: "d", type: "float", values: Float64Array.from({ length: n }, (_, i) => (i % 40) / 2) },
      ],
    };
    // 100 × 100 = 10,000 combinations from two keys of 100 values each.
    expect(() => executePlan(grid, plan({ operation: "count", group_by: ["a", "b"] }))).toThrowError(tooMany);
    expect(() => executePlan(grid, plan({ operation: "count", group_by: ["b", "d", "a"] }))).toThrowError(tooMany);
    // (a, d) makes lcm(100, 40) = 200 combinations, under the cap.
    const ad = executePlan(grid, plan({ operation: "count", group_by: ["a", "d"] })).result;
    expect("groups" in ad && ad.groups.length).toBe(new Set(Array.from({ length: n }, (_, i) => `${i % 100}/${i % 40}`)).size);
    // a × b alone is over the cap, but c is present on 10 rows only (pandas dropna): 10 groups.
    const out = executePlan(grid, plan({ operation: "count", group_by: ["a", "b", "c"] }));
    expect(out.result).toEqual({
      groups: Array.from({ length: 10 }, (_, i) => ({ key: { a: i, b: "b0", c: i }, value: 1, count: 1 })),
    });
  });

  it("estimates per-group work for grouped median, correlation and regression", () => {
    const t: Table = { rowCount: 1000, columns: [] };
    expect(estimatePlanCost(t, plan({ operation: "median", group_by: ["g"] }))).toBe(1000 * (3 + 1 + 2));
    expect(estimatePlanCost(t, plan({ operation: "regression", group_by: ["g"] }))).toBe(1000 * (5 + 1 + 2) + MAX_GROUPS * 1000);
    expect(estimatePlanCost(t, plan({ operation: "mean", group_by: ["g"] }))).toBe(1000 * 3);
  });
});

describe("many_groups warning", () => {
  const n = 3000;
  const table: Table = {
    rowCount: n,
    columns: [
      { name: "id", type: "integer", values: Float64Array.from({ length: n }, (_, i) => i) },
      { name: "half", type: "integer", values: Float64Array.from({ length: n }, (_, i) => i % 2) },
    ],
  };

  it("warns past 1,000 groups, counted after the filters", () => {
    expect(executePlan(table, plan({ operation: "count", group_by: ["id"] })).warnings).toEqual([
      { path: "plan.group_by", code: "many_groups", message: "group_by gives 3000 groups (more than 1000): the answer will be long; group by fewer or coarser columns, or add filters" },
    ]);
    // 3,000 ids before the filter, 1,500 after: still over; below 1,000 after a narrower filter, no warning.
    expect(executePlan(table, plan({ operation: "count", group_by: ["id"], filters: [{ column: "half", operator: "==", value: 1 }] })).warnings.map((w) => w.code)).toEqual(["many_groups"]);
    expect(executePlan(table, plan({ operation: "count", group_by: ["id"], filters: [{ column: "id", operator: "<", value: 1000 }] })).warnings).toEqual([]);
  });
});

describe("string filters", () => {
  const table: Table = {
    rowCount: 3,
    columns: [{ name: "s", type: "string", codes: Int32Array.from([0, 1, 2]), dictionary: ["\u{1F600}", "\uFF21", "a"] }],
  };
  it("compare by code point, as pandas: an emoji is above U+FF21", () => {
    const keep = (operator: "<" | ">" | "<=" | ">=", value: string) =>
      Array.from(selectRows(initialFrame(table), [{ column: "s", operator, value }]).frame.rows);
    expect(keep(">", "\uFF21")).toEqual([0]);
    expect(keep(">=", "\uFF21")).toEqual([0, 1]);
    expect(keep("<", "\u{1F600}")).toEqual([1, 2]);
    expect(keep("<=", "a")).toEqual([2]);
  });
});

describe("v1 sum and mean past numpy's 8,192-value blocks", () => {
  // pandas sums 8,192-value blocks pairwise and adds the block sums in order; one pairwise tree over all rows
  // differs, far beyond rounding on cancelling data (±3e15 offsets). References: the aggregates golden fixtures.
  const fixtures = goldenFixtures(new URL("./aggregates/fixtures/", import.meta.url));
  const big = fixtures.table("large.csv");
  const cases = fixtures
    .cases<{ csv: string; op: string; column: string; group_by: string[]; expected: number }>()
    .filter((c) => c.csv === "large.csv" && (c.op === "sum" || c.op === "mean") && c.group_by.length === 0);

  it("has the cases", () => expect(cases.length).toBeGreaterThanOrEqual(4));
  it.each(cases.map((c) => [`${c.op} ${c.column}`, c] as const))("%s equals pandas", (_name, c) => {
    const value = executePlan(big, plan({ operation: c.op as "sum" | "mean", target_column: c.column })).result as { value: number };
    expect(Math.abs(value.value - c.expected)).toBeLessThanOrEqual(1e-9 * Math.abs(c.expected));
  });
});
