import { parseCsv } from "./src/engine/csv/parse-csv";
import { generateBenchCsv } from "./bench/datasets";
import { executePlan } from "./src/engine/execute-plan";
import { validatePlan } from "./src/engine/plan/validate-plan";
import { initialFrame } from "./src/engine/frame/frame";
import { selectRows } from "./src/engine/ops/select-rows";
import { shapiroWilk } from "./src/engine/hypothesis/shapiro-wilk";
import { columnSample, groupedSamples } from "./src/engine/inference/gather-samples";
import { tTestIndependent } from "./src/engine/hypothesis/t-test-independent";
import { decodeSnapshot, encodeSnapshot } from "./src/engine/table/snapshot";
const table = decodeSnapshot(encodeSnapshot(parseCsv(generateBenchCsv())));
const columns = table.columns.map((c) => ({ name: c.name, type: c.type }));
function fastest(label: string, f: () => unknown) {
  f(); let best = Infinity;
  for (let i = 0; i < 40; i++) { const s = performance.now(); f(); best = Math.min(best, performance.now() - s); }
  console.log(label.padEnd(30), best.toFixed(3));
}
const plan = validatePlan({ operation: "test", test: "shapiro", target_column: "score", filters: [{ column: "id", operator: "<=", value: 5000 }] }, { columns }).plan!;
const frame = initialFrame(table);
const sel = selectRows(frame, plan.filters).frame;
const v = columnSample(sel, "score", "x").values;
fastest("shapiro plan", () => executePlan(table, plan));
fastest("initialFrame", () => initialFrame(table));
fastest("selectRows", () => selectRows(frame, plan.filters));
fastest("columnSample", () => columnSample(sel, "score", "x"));
fastest("shapiro kernel", () => shapiroWilk(v, v.length));
const welch = validatePlan({ operation: "test", test: "ttest_ind", target_column: "price", group_column: "is_member", groups: [true, false], equal_var: false }, { columns }).plan!;
fastest("welch plan", () => executePlan(table, welch));
fastest("groupedSamples", () => groupedSamples(frame, "price", "is_member", [true, false]));
const [a, b] = groupedSamples(frame, "price", "is_member", [true, false]);
fastest("ttest kernel", () => tTestIndependent(a.values, a.values.length, b.values, b.values.length, false));
const anova = validatePlan({ operation: "test", test: "f_oneway", target_column: "price", group_column: "region" }, { columns }).plan!;
fastest("anova plan", () => executePlan(table, anova));
fastest("anova samples", () => groupedSamples(frame, "price", "region", undefined));
import { namedGroups, occurringGroups } from "./src/engine/inference/gather-samples";
const isMember = frame.columns.get("is_member")!;
fastest("namedGroups bool", () => namedGroups(isMember, frame.rows, [true, false]));
fastest("occurringGroups region", () => occurringGroups(frame.columns.get("region")!, frame.rows));
