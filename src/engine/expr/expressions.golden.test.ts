import { describe, expect, it } from "vitest";
import { goldenFixtures } from "../golden/golden-fixtures";
import { EngineError } from "../errors";
import { initialFrame } from "../frame/frame";
import { applySteps } from "../steps/apply-steps";
import { FUNCTION_NAMES } from "./functions/registry";
import { ExpressionError } from "./parse-expression";

/**
 * Golden cases for the expression language: every expected column in fixtures/cases.json was computed by pandas
 * 1.5.3 / numpy 1.24 / scipy 1.10.1 / scikit-learn 1.2.1 (scripts/golden/expressions.py, which names the few
 * documented rules it reproduces instead of calling pandas). Numbers agree to 1e-9 relative or 1e-12 absolute;
 * strings, booleans, datetimes (epoch ms), types and missing values exactly.
 */
interface ExpressionCase {
  id: string;
  csv: string;
  filter?: string;
  derive: { name: string; expr: string; order_by?: unknown[]; partition_by?: string[] };
  expected: { error: string } | { type: string; values: Array<number | string | boolean | null>; dictionary?: string[] };
}

const fixtures = goldenFixtures(new URL("./fixtures/", import.meta.url));
const cases = fixtures.cases<ExpressionCase>("cases.json");
const tableOf = fixtures.table;

function run(golden: ExpressionCase) {
  const steps: Record<string, unknown>[] = golden.filter === undefined ? [] : [{ filter: { expr: golden.filter } }];
  steps.push({ derive: golden.derive });
  const { frame } = applySteps(initialFrame(tableOf(golden.csv)), steps);
  const column = frame.columns.get(golden.derive.name)!;
  const values = Array.from(frame.rows, (row) => (column.type === "string" ? (column.codes[row] < 0 ? null : column.dictionary[column.codes[row]]) : column.values[row]));
  return { column, values };
}

/** The registry's functions that no golden case calls (a call: a name followed by a parenthesis). */
function uncoveredFunctions(): string[] {
  const called = new Set<string>();
  for (const golden of cases) {
    for (const expr of [golden.derive.expr, golden.filter ?? ""]) for (const match of expr.matchAll(/([A-Za-z_]\w*)\s*\(/g)) called.add(match[1]);
  }
  return FUNCTION_NAMES.filter((name) => !called.has(name));
}

function errorCode(error: unknown): string {
  if (error instanceof ExpressionError) return error.problem.code;
  if (error instanceof EngineError) return error.code;
  throw error;
}

/** Why an actual value differs from the expected one, or null when they agree. */
function mismatch(actual: number | string | null, expected: number | string | boolean | null, type: string): string | null {
  if (expected === null) return actual === null || (typeof actual === "number" && Number.isNaN(actual)) ? null : `expected missing, got ${String(actual)}`;
  if (type === "string") return actual === expected ? null : `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  if (typeof actual !== "number") return `expected ${String(expected)}, got ${String(actual)}`;
  if (typeof expected === "boolean") return actual === (expected ? 1 : 0) ? null : `expected ${expected}, got ${actual}`;
  const want = expected === "Infinity" ? Infinity : expected === "-Infinity" ? -Infinity : (expected as number);
  if (type === "datetime" || !Number.isFinite(want)) return actual === want ? null : `expected ${want}, got ${actual}`;
  const close = Math.abs(actual - want) <= Math.max(1e-12, 1e-9 * Math.abs(want));
  return close ? null : `expected ${want}, got ${actual}`;
}

describe("expression golden cases against pandas/numpy/scipy/scikit-learn", () => {
  it("has at least 400 cases", () => expect(cases.length).toBeGreaterThanOrEqual(400));
  it("calls every function of the registry", () => expect(uncoveredFunctions()).toEqual([]));

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const expected = golden.expected;
    if ("error" in expected) {
      let code: string | null = null;
      try {
        run(golden);
      } catch (error) {
        code = errorCode(error);
      }
      expect(code).toBe(expected.error);
      return;
    }
    const { column, values } = run(golden);
    expect(column.type).toBe(expected.type);
    expect(values.length).toBe(expected.values.length);
    const problems = values.flatMap((value, p) => {
      const why = mismatch(value, expected.values[p], expected.type);
      return why === null ? [] : [`row ${p}: ${why}`];
    });
    expect(problems).toEqual([]);
    if (expected.dictionary !== undefined && column.type === "string") expect(column.dictionary).toEqual(expected.dictionary);
  });
});
