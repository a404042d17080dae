// Export of an execution as CSV or JSON, each carrying the provenance that makes the numbers reproducible.
import { resultTable } from "./result-table";
import type { Execution } from "./types";

/** RFC 4180 field; a text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The result table as CSV, preceded by `#` comment lines with the plan and provenance (pandas reads it with
 * `read_csv(path, comment="#")`). Numbers are written as JSON writes them: full precision.
 */
export function executionToCsv(execution: Execution): string {
  const { columns, rows, extra } = resultTable(execution.result);
  const p = execution.provenance;
  const comments = [
    `analysis_id: ${execution.analysis_id}`,
    `plan: ${JSON.stringify(execution.plan)}`,
    `dataset_sha256: ${p.dataset_sha256}`,
    `plan_sha256: ${p.plan_sha256}`,
    `engine_version: ${p.engine_version}`,
    `executed_at: ${p.executed_at}`,
    `rows: ${execution.row_count}, after filters: ${execution.filtered_row_count}`,
    ...Object.entries(extra).map(([name, value]) => `${name}: ${JSON.stringify(value)}`),
  ].map((line) => `# ${line.replaceAll(/[\r\n]/g, " ")}`);
  const lines = [columns.map(csvField).join(","), ...rows.map((row) => row.map(csvField).join(","))];
  return `${[...comments, ...lines].join("\r\n")}\r\n`;
}

/** The execution as the API returned it (result, warnings, provenance), without the rendered SVG. */
export function executionToJson(execution: Execution): string {
  const chart = execution.chart === null ? null : { ...execution.chart, svg: undefined };
  return `${JSON.stringify({ ...execution, chart }, null, 2)}\n`;
}
