import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/parse-csv";
import { executePlan } from "../execute-plan";
import { validatePlan } from "../plan/validate-plan";
import type { Table } from "../table/types";
import { compareResult } from "./compare-result";

/**
 * Golden tests of plan v2 results: every case in fixtures/results-cases.json was computed by pandas 1.5.3 through
 * the whole plan (scripts/golden/results.py: aggregate with several aggregations, value_counts, describe, crosstab,
 * rows, argmax/argmin, calendar periods, having / sort / limit; its docstring names the references, and a case's
 * `reference` field the documented exceptions it inherits from the aggregates generator). Each plan is validated
 * against its dataset (it must be valid), executed, and its whole result compared at 1e-9 relative (1e-12
 * absolute), strings, booleans, nulls, keys and order exactly, with the rows the operation used.
 */
interface ResultsCase {
  id: string;
  /** Relative to src/engine/. */
  csv: string;
  plan: unknown;
  reference?: string;
  expected: { result: unknown; filtered_row_count: number };
}

const engine = fileURLToPath(new URL("../", import.meta.url).href);
const cases: ResultsCase[] = JSON.parse(readFileSync(`${engine}golden/fixtures/results-cases.json`, "utf8"));
const tables = new Map<string, Table>();
function tableOf(csv: string): Table {
  let table = tables.get(csv);
  if (table === undefined) {
    table = parseCsv(new Uint8Array(readFileSync(`${engine}${csv}`)));
    tables.set(csv, table);
  }
  return table;
}

describe("golden result cases against pandas", () => {
  it("has at least 300 cases", () => expect(cases.length).toBeGreaterThanOrEqual(300));

  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const table = tableOf(golden.csv);
    const validation = validatePlan(golden.plan, { columns: table.columns.map((c) => ({ name: c.name, type: c.type })), table });
    expect(validation.errors).toEqual([]);
    const output = executePlan(table, validation.plan!);
    const actual = { result: JSON.parse(JSON.stringify(output.result)), filtered_row_count: output.filtered_row_count };
    expect(compareResult(actual, golden.expected)).toEqual([]);
  });
});
