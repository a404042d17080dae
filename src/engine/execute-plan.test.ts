import { describe, expect, it } from "vitest";
import { EngineError } from "./errors";
import { executePlan } from "./execute-plan";
import { MAX_PLAN_COST, estimatePlanCost } from "./ops/estimate-plan-cost";
import { groupRows } from "./ops/group-rows";
import { selectRows } from "./ops/select-rows";
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
    const { rows } = selectRows(table, [{ column: "x", operator: ">=", value: 2 }]);
    expect(Array.from(rows)).toEqual([1, 3, 4]);
    const grouping = groupRows(table, rows, ["__proto__"]);
    expect(grouping.keys).toEqual([["a"], ["b"]].slice(0, 1));
    expect(Array.from(grouping.sizes)).toEqual([2]);
  });
});
