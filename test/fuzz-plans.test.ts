/**
 * Generated plans against generated datasets: every execute answers 200 or a 422 problem (invalid_plan; a
 * forecast may also be refused with execution_error for too few points), never a 5xx; aggregations (mean, sum,
 * count, min, max, with filters and group_by) are checked against a straightforward reference over the known
 * generated data (rel tol 1e-9 of the terms' magnitude), and the reference's validity verdict must match the
 * server's. Seeded (SEED).
 */
import { fc, test as fcTest } from "@fast-check/vitest";
import { afterAll, describe, expect } from "vitest";
import { call, uploadOk } from "./factories";
import { checkContract, codeOf } from "./fuzz/contract";
import { csvStyleArb, serialiseCsv, tableArb } from "./fuzz/csv-arbitraries";
import { planArb } from "./fuzz/plan-arbitraries";
import { referenceTable } from "./fuzz/reference";
import { checkAggregation, referenceExecute } from "./fuzz/reference-execute";
import { PROPERTY_TIMEOUT, SEED } from "./fuzz/seed";
import { UserPool } from "./fuzz/user-pool";

const PLANS_PER_DATASET = 12;
const pool = new UserPool({ uploads: 9, executes: 90 });
const outcomes = new Map<string, number>();

afterAll(() => console.info(JSON.stringify(Object.fromEntries([...outcomes].sort()), null, 1)));

const caseArb = fc
  .tuple(tableArb({ maxColumns: 6, minRows: 1, maxRows: 40 }), csvStyleArb)
  .chain(([table, style]) => fc.tuple(fc.constant(table), fc.constant(style), fc.array(planArb(referenceTable(table)), { minLength: PLANS_PER_DATASET, maxLength: PLANS_PER_DATASET })));

describe("generated plans on generated datasets", () => {
  fcTest.prop([caseArb], { numRuns: 60, seed: SEED })(
    "execute answers 200 or 422, and aggregations match the reference",
    async ([table, style, plans]) => {
      const columns = referenceTable(table);
      const user = await pool.forExecute(PLANS_PER_DATASET);
      const { session_id } = await uploadOk(user.token, serialiseCsv(table, style).text);
      for (const plan of plans) {
        const res = await call("/api/analytics/execute", { method: "POST", json: { session_id, plan }, token: user.token });
        const text = await checkContract(res);
        const code = codeOf(text, res.status);
        const label = `plan ${JSON.stringify(plan)} -> ${res.status} ${text.slice(0, 400)}`;
        outcomes.set(`${plan.operation} ${res.status}${code ? ` ${code}` : ""}`, (outcomes.get(`${plan.operation} ${res.status}${code ? ` ${code}` : ""}`) ?? 0) + 1);
        if (res.status !== 200) {
          expect(res.status, label).toBe(422);
          expect(code === "invalid_plan" || (code === "execution_error" && plan.operation === "forecast"), label).toBe(true);
        }
        const expected = referenceExecute(columns, plan);
        if (expected === undefined) continue;
        if (!expected.valid) {
          expect(res.status, label).toBe(422);
          continue;
        }
        expect(res.status, label).toBe(200);
        const body = JSON.parse(text) as { result: unknown; row_count: number; filtered_row_count: number };
        expect(body.row_count, label).toBe(table.rowCount);
        expect(body.filtered_row_count, label).toBe(expected.filteredRows);
        checkAggregation(body.result, expected, label);
      }
    },
    PROPERTY_TIMEOUT,
  );
});
