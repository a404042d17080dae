/**
 * Benchmark runner: `npm run bench`, or `npm run bench -- upload charts` for the sections whose titles start
 * with the words given (case-insensitive). Each section returns rows; add a section by appending to SECTIONS.
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

const wanted = process.argv.slice(2).map((word) => word.toLowerCase());
const chosen = SECTIONS.filter(([title]) => wanted.length === 0 || wanted.some((word) => title.toLowerCase().startsWith(word)));
if (chosen.length === 0) {
  console.error(`No section starts with ${wanted.join(" or ")}; sections: ${SECTIONS.map(([title]) => title).join(", ")}.`);
  process.exit(2);
}

for (const [title, run] of chosen) {
  const rows = await run();
  console.log(`\n## ${title}\n\n| measurement | median ms | notes |\n|---|---:|---|`);
  for (const row of rows) console.log(`| ${row.name} | ${row.median_ms.toFixed(2)} | ${row.note} |`);
}
