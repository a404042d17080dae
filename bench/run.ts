/**
 * Benchmark runner: `npm run bench`. Each section returns rows; add a section by appending to SECTIONS.
 * Run with --expose-gc so per-run heap readings start from a collected heap.
 */
import { benchCharts } from "./charts.js";
import { benchExecute } from "./execute.js";
import { benchPlanV2, INFERENCE_QUERIES, RESULT_QUERIES } from "./plan-v2.js";
import { benchUpload, type BenchRow } from "./upload.js";

const SECTIONS: Array<[title: string, run: () => Promise<BenchRow[]>]> = [
  ["Upload", benchUpload],
  ["Execute", benchExecute],
  ["Plan v2 steps", () => benchPlanV2()],
  ["Plan v2 results", () => benchPlanV2(RESULT_QUERIES)],
  ["Plan v2 tests and models", () => benchPlanV2(INFERENCE_QUERIES)],
  ["Charts", benchCharts],
];

for (const [title, run] of SECTIONS) {
  const rows = await run();
  console.log(`\n## ${title}\n\n| measurement | median ms | notes |\n|---|---:|---|`);
  for (const row of rows) console.log(`| ${row.name} | ${row.median_ms.toFixed(2)} | ${row.note} |`);
}
