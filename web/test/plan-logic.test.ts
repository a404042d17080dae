// The playground's own logic, in Node: reading problem paths back into the plan, the result table, the exports.
import { describe, expect, it } from "vitest";
import { executionToCsv, executionToJson } from "../src/export-result";
import { chartAlt } from "../src/format";
import { applySuggestion, parsePlanPath } from "../src/plan-path";
import { cellText, resultTable } from "../src/result-table";
import type { Execution } from "../src/types";

describe("parsePlanPath", () => {
  it("reads the paths the API writes", () => {
    expect(parsePlanPath("plan")).toEqual([]);
    expect(parsePlanPath("plan.target_column")).toEqual(["target_column"]);
    expect(parsePlanPath("plan.filters[0].column")).toEqual(["filters", 0, "column"]);
    expect(parsePlanPath('plan["odd \\"key\\""][2]')).toEqual(['odd "key"', 2]);
  });

  it("refuses anything else", () => {
    expect(parsePlanPath("file:line 3")).toBeNull();
    expect(parsePlanPath("planet.x")).toBeNull();
    expect(parsePlanPath("plan.filters[x]")).toBeNull();
  });
});

describe("applySuggestion", () => {
  it("replaces the value at the path", () => {
    const plan = { operation: "mean", filters: [{ column: "regoin", operator: "==", value: "east" }] };
    expect(applySuggestion(plan, "plan.filters[0].column", "unknown_column", "region")).toEqual({
      operation: "mean",
      filters: [{ column: "region", operator: "==", value: "east" }],
    });
    expect(plan.filters[0].column).toBe("regoin");
  });

  it("renames an unknown key in place, keeping the order of the keys", () => {
    const renamed = applySuggestion({ operation: "mean", target_colum: "amount", chart_type: "bar" }, "plan.target_colum", "unknown_key", "target_column");
    expect(JSON.stringify(renamed)).toBe('{"operation":"mean","target_column":"amount","chart_type":"bar"}');
    const nested = applySuggestion({ filters: [{ colum: "a", operator: "==", value: 1 }] }, "plan.filters[0].colum", "unknown_key", "column");
    expect(nested).toEqual({ filters: [{ column: "a", operator: "==", value: 1 }] });
  });

  it("keeps __proto__ a plain key", () => {
    const plan = JSON.parse('{"operation":"mean","target_column":"__proto__"}');
    const next = applySuggestion(plan, "plan.target_column", "unknown_column", "__proto__x") as Record<string, unknown>;
    expect(next.target_column).toBe("__proto__x");
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
    const renamed = applySuggestion(JSON.parse('{"__proto__": 1}'), 'plan["__proto__"]', "unknown_key", "constructor") as object;
    expect(Object.keys(renamed)).toEqual(["constructor"]);
  });

  it("answers null for a path that is not in the plan", () => {
    expect(applySuggestion({ operation: "mean" }, "plan.filters[0].column", "unknown_column", "x")).toBeNull();
    expect(applySuggestion({ operation: "mean" }, "file", "x", "y")).toBeNull();
  });
});

describe("resultTable", () => {
  it("spreads group keys into columns", () => {
    const table = resultTable({ groups: [{ key: { region: "east", day: "2026-01-01" }, value: 1.5, count: 2 }, { key: { region: "west", day: "2026-01-02" }, value: null, count: 0 }] });
    expect(table).toEqual({ columns: ["region", "day", "value", "count"], rows: [["east", "2026-01-01", 1.5, 2], ["west", "2026-01-02", null, 0]], extra: {} });
  });

  it("lists forecast points and keeps the fields beside them", () => {
    const table = resultTable({ method: "linear", horizon: 1, points: [{ time: "2026-02-01T00:00:00.000Z", value: 3, lower: 2, upper: 4 }], fit: { slope: 1 } });
    expect(table.columns).toEqual(["time", "value", "lower", "upper"]);
    expect(table.extra).toEqual({ method: "linear", horizon: 1, fit: { slope: 1 } });
  });

  it("shows a single result as one row", () => {
    expect(resultTable({ coefficient: 0.5, p_value: 1e-300, n: 10, method: "pearson" })).toEqual({
      columns: ["coefficient", "p_value", "n", "method"],
      rows: [[0.5, 1e-300, 10, "pearson"]],
      extra: {},
    });
  });

  it("shows a rows result as its own table", () => {
    expect(resultTable({ columns: ["order_id", "price"], rows: [[59, 178], [24, 97]], total_rows: 409, truncated: true })).toEqual({
      columns: ["order_id", "price"],
      rows: [[59, 178], [24, 97]],
      extra: { total_rows: 409, truncated: true },
    });
  });

  it("shows a crosstab as its matrix, with margins as All", () => {
    const table = resultTable({ row_labels: ["north", "south"], column_labels: ["phone", "web"], values: [[1, 2], [3, 4]], row_margins: [3, 7], column_margins: [4, 6], grand_margin: 10 });
    expect(table).toEqual({ columns: ["", "phone", "web", "All"], rows: [["north", 1, 2, 3], ["south", 3, 4, 7], ["All", 4, 6, 10]], extra: {} });
    expect(resultTable({ row_labels: [true], column_labels: [1], values: [[5]] }).columns).toEqual(["", "1"]);
  });

  it("lists value counts, coefficients and a test's samples, their summary beside", () => {
    expect(resultTable({ entries: [{ value: "web", count: 143 }, { value: null, count: 18 }], total: 161, distinct: 2 })).toEqual({
      columns: ["value", "count"],
      rows: [["web", 143], [null, 18]],
      extra: { total: 161, distinct: 2 },
    });
    const ols = resultTable({ model: "ols", coefficients: [{ name: "Intercept", coef: 1.5 }], r_squared: 0.5, predictions: [{ input: { x: 1 }, predicted: 2 }] });
    expect(ols.columns).toEqual(["name", "coef"]);
    expect(ols.extra).toEqual({ model: "ols", r_squared: 0.5, predictions: [{ input: { x: 1 }, predicted: 2 }] });
    const test = resultTable({ test: "mannwhitneyu", statistic: 57363, p_value: 0.2, samples: [{ name: "male", n: 485 }, { name: "female", n: 251 }] });
    expect(test).toEqual({ columns: ["name", "n"], rows: [["male", 485], ["female", 251]], extra: { test: "mannwhitneyu", statistic: 57363, p_value: 0.2 } });
  });

  it("shows describe's statistics as one row", () => {
    expect(resultTable({ kind: "numeric", statistics: { count: 380, mean: 34.8, "50%": 31.5 } })).toEqual({
      columns: ["count", "mean", "50%"],
      rows: [[380, 34.8, 31.5]],
      extra: { kind: "numeric" },
    });
  });

  it("names period keys in a chart's description", () => {
    const plan = { operation: "mean", target_column: "amount", group_by: ["region", { column: "day", granularity: "month" }], filters: [] };
    expect(chartAlt({ plan } as Pick<Execution, "plan">, "bar")).toBe("bar chart: mean of amount by region, month of day");
  });

  it("prints numbers exactly as JSON has them", () => {
    expect(cellText(76.03618181818182)).toBe("76.03618181818182");
    expect(cellText(1e-300)).toBe("1e-300");
    expect(cellText(null)).toBe("—");
  });
});

const execution: Execution = {
  analysis_id: "2f7c6f0e-0000-4000-8000-000000000000",
  session_id: "s",
  plan: { operation: "mean", target_column: "amount", group_by: ["region"], filters: [] },
  result: { groups: [{ key: { region: "=cmd|' /C calc'!A0" }, value: -1.25, count: 2 }, { key: { region: 'say "hi", then\nleave' }, value: 3, count: 1 }] },
  row_count: 3,
  filtered_row_count: 3,
  execution_time_ms: 4,
  chart: { type: "bar", spec: { mark: "bar" }, svg: "<svg/>" },
  warnings: [],
  provenance: { dataset_sha256: "a".repeat(64), plan_sha256: "b".repeat(64), engine_version: "1.0.0", executed_at: "2026-12-06T10:00:00.000Z", filter_steps: [] },
};

describe("exports", () => {
  it("CSV: provenance in # lines, RFC 4180 quoting, formula-like text defused, numbers untouched", () => {
    const lines = executionToCsv(execution).split("\r\n");
    expect(lines.slice(0, 7)).toEqual([
      "# analysis_id: 2f7c6f0e-0000-4000-8000-000000000000",
      '# plan: {"operation":"mean","target_column":"amount","group_by":["region"],"filters":[]}',
      `# dataset_sha256: ${"a".repeat(64)}`,
      `# plan_sha256: ${"b".repeat(64)}`,
      "# engine_version: 1.0.0",
      "# executed_at: 2026-12-06T10:00:00.000Z",
      "# rows: 3, after filters: 3",
    ]);
    expect(lines.slice(7)).toEqual(["region,value,count", "'=cmd|' /C calc'!A0,-1.25,2", '"say ""hi"", then\nleave",3,1', ""]);
  });

  it("JSON: the whole execution without the SVG", () => {
    const json = JSON.parse(executionToJson(execution));
    expect(json.provenance).toEqual(execution.provenance);
    expect(json.result).toEqual(execution.result);
    expect(json.chart).toEqual({ type: "bar", spec: { mark: "bar" } });
  });
});
