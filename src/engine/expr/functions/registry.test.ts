import { describe, expect, it } from "vitest";
import { parseCsv } from "../../csv/parse-csv";
import { initialFrame } from "../../frame/frame";
import { applySteps } from "../../steps/apply-steps";
import { scopeOf } from "../../steps/derive-step";
import { compileExpression } from "../compile-expression";
import type { ExprNode } from "../expression-ast";
import { parseExpression } from "../parse-expression";
import { FUNCTION_NAMES, FUNCTIONS, findFunction } from "./registry";

/** A small table with every column the functions' examples name, so each example runs as documented. */
const CSV = [
  "Sex,Age,Embarked,Cabin,Change,Area,Income,Population,Score,Fare,Hours,Email,Country,Name,Ticket,Price,Code,Revenue,Date,OrderDate,Timestamp,Ordered,Shipped,Close,Sales,Amount",
  "male,22,S,,-1.5,30.5,52000.5,1200,0.5,7.25,8.5,a@b.org,fr,\"Braund, Mr. Owen\",PC 17599,\"1,200\",AB12,\"$1,234\",05/01/2024,2024-01-05,2024-01-05T10:30:00,2024-01-03,2024-01-09,101.5,20,5",
  "female,38,C,C85,2.25,12,61000,900,1.5,71.28,6,c@d.com,de,\"Cumings, Mrs. John\",pc 3101,900,CD34,n/a,31/12/2023,2024-02-29,2024-02-29T23:59:00,2024-02-20,2024-03-01,99.25,35,-2",
  "female,26,Q,,0,8.75,48000,1500,-0.5,7.93,7.5,e@f.org,fr,\"Heikkinen, Miss. Laina\",STON/O2. 3101282,15,EF56,50%,29/02/2024,2023-12-31,2023-12-31T00:00:00,2023-12-01,2023-12-24,102,12,7",
  "",
].join("\n");
const table = parseCsv(new TextEncoder().encode(CSV));

function callsOf(node: ExprNode): string[] {
  switch (node.kind) {
    case "call": return [node.name, ...node.args.flatMap(callsOf)];
    case "binary": return [...callsOf(node.left), ...callsOf(node.right)];
    case "unary": return callsOf(node.argument);
    case "list": return node.items.flatMap(callsOf);
    default: return [];
  }
}

describe("function registry", () => {
  it("has one entry per name, every family and the documented functions", () => {
    expect(new Set(FUNCTION_NAMES).size).toBe(FUNCTION_NAMES.length);
    expect(new Set(FUNCTIONS.map((spec) => spec.group))).toEqual(new Set(["logic", "math", "string", "conversion", "date", "column", "window", "binning"]));
    for (const name of ["lower", "upper", "trim", "len", "contains", "starts_with", "ends_with", "replace", "substring", "split_part",
      "to_number", "to_date", "year", "quarter", "month", "week", "day", "weekday", "hour", "minute", "day_of_year", "date_trunc",
      "days_between", "zscore", "minmax_scale", "rank", "lag", "lead", "diff", "pct_change", "cumsum", "rolling_mean", "rolling_sum",
      "cut", "qcut"]) {
      expect(findFunction(name)?.name).toBe(name);
    }
  });

  it("never resolves object members", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) expect(findFunction(name)).toBeUndefined();
  });

  it.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))("%s is documented and its example runs", (name, spec) => {
    expect(spec.signature.startsWith(`${name}(`)).toBe(true);
    expect(spec.summary.length).toBeGreaterThan(10);
    expect(spec.summary.length).toBeLessThanOrEqual(200);
    expect(spec.summary.endsWith(".")).toBe(true);
    expect(spec.minArgs).toBeLessThanOrEqual(spec.maxArgs);
    const tree = parseExpression(spec.example);
    expect(callsOf(tree)).toContain(name);
    expect(() => compileExpression(tree, scopeOf(initialFrame(table)))).not.toThrow();
    const { frame } = applySteps(initialFrame(table), [{ derive: { name: "out", expr: spec.example } }]);
    expect(frame.columns.get("out")).toBeDefined();
  });
});
