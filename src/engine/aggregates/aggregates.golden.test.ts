import { describe, expect, it } from "vitest";
import { goldenFixtures } from "../golden/golden-fixtures";
import { EngineError } from "../errors";
import { compareResult } from "../golden/compare-result";
import { frameColumn, initialFrame } from "../frame/frame";
import { groupRows } from "../ops/group-rows";
import type { Table } from "../table/types";
import type { AggregateParams } from "./aggregate-op";
import { findAggregateOp } from "./aggregate-ops";
import { crosstab, type CrosstabOptions } from "./crosstab";
import { describe as describeColumn, type DescribeOptions } from "./describe";
import { valueCounts, type ValueCountsOptions } from "./value-counts";

/**
 * Golden cases: every expected value in fixtures/cases.json was computed by pandas 1.5.3
 * (scripts/golden/aggregations.py, which documents the marked exceptions: exact datetime arithmetic, pandas 3's
 * stable tie order, pandas 2.x percentile labels, string min/max with missing values). Numbers must match to
 * 1e-9 relative (1e-12 absolute near zero); strings, booleans, nulls, keys and order exactly. NaN results
 * compare as null, as the API shows them.
 */
interface Case {
  id: string;
  kind: "aggregate" | "value_counts" | "describe" | "crosstab";
  csv: string;
  rows?: number[];
  params: Record<string, unknown>;
  expected: unknown;
  reference?: string;
  /** aggregate */
  op?: string;
  column?: string | null;
  group_by?: string[];
  /** value_counts, describe, crosstab */
  columns?: string[];
}

const fixtures = goldenFixtures(new URL("./fixtures/", import.meta.url));
const cases = fixtures.cases<Case>("cases.json");
const tableOf = fixtures.table;

function rowsOf(table: Table, golden: Case): Uint32Array {
  if (golden.rows !== undefined) return Uint32Array.from(golden.rows);
  return Uint32Array.from({ length: table.rowCount }, (_, i) => i);
}

/** What a client sees: NaN becomes null and absent fields disappear. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function run(golden: Case): unknown {
  const table = tableOf(golden.csv);
  const rows = rowsOf(table, golden);
  if (golden.kind === "aggregate") {
    const op = findAggregateOp(golden.op!)!;
    const column = golden.column === null ? null : frameColumn(initialFrame(table), golden.column!, "plan.aggregations[0].column");
    const params = golden.params as AggregateParams;
    const keys = golden.group_by!;
    if (keys.length === 0) return op.ungrouped(column, rows, params);
    const grouping = groupRows(initialFrame(table), rows, keys);
    const values = op.grouped(column, grouping, params);
    expect(values.length).toBe(grouping.keys.length);
    return grouping.keys.map((key, g) => ({ key: Object.fromEntries(keys.map((name, i) => [name, key[i]])), value: values[g] }));
  }
  const columns = golden.columns!.map((name) => frameColumn(initialFrame(table), name, "plan.column"));
  if (golden.kind === "value_counts") return valueCounts(columns[0], rows, golden.params as ValueCountsOptions);
  if (golden.kind === "describe") return describeColumn(columns[0], rows, golden.params as DescribeOptions);
  return crosstab(columns[0], columns[1], rows, golden.params as CrosstabOptions);
}

describe("aggregation golden cases against pandas 1.5.3", () => {
  it("has at least 300 cases, of every kind", () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    for (const kind of ["aggregate", "value_counts", "describe", "crosstab"]) expect(cases.some((c) => c.kind === kind)).toBe(true);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const expected = golden.expected as { error?: string };
    if (expected !== null && typeof expected === "object" && "error" in expected) {
      expect(() => run(golden)).toThrowError(expect.objectContaining({ code: expected.error }) as unknown as EngineError);
      return;
    }
    expect(compareResult(asJson(run(golden)), golden.expected)).toEqual([]);
  });
});
