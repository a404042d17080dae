import { useEffect, useState } from "preact/hooks";
import { executionToCsv, executionToJson } from "../export-result";
import { chartAlt, formatTime } from "../format";
import { cellText, resultTable } from "../result-table";
import type { Execution } from "../types";
import { TableHead } from "./table-head";

/** Offers a text as a file download (an object URL, revoked once the click has been handled). */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The server-rendered SVG shown through an <img> from an object URL: an image cannot run script, so the page's
 * CSP needs no `unsafe-eval` (vega in the browser) and no `unsafe-inline` (vega-embed's injected styles).
 */
export function ChartImage({ svg, alt }: { svg: string; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [svg]);
  return url ? <img class="chart" src={url} alt={alt} /> : null;
}

export function ResultView({ execution }: { execution: Execution }) {
  const { columns, rows, extra } = resultTable(execution.result);
  const p = execution.provenance;
  const base = `analysis-${execution.analysis_id.slice(0, 8)}`;
  const numeric = columns.map((_, j) => rows.length > 0 && rows.every((r) => typeof r[j] === "number" || r[j] === null));
  return (
    <section class="card result" aria-labelledby="result-title">
      <div class="section-head">
        <h2 id="result-title" tabIndex={-1}>
          Result
        </h2>
        <div class="actions">
          <button type="button" onClick={() => download(`${base}.csv`, "text/csv", executionToCsv(execution))}>
            Export CSV
          </button>
          <button type="button" onClick={() => download(`${base}.json`, "application/json", executionToJson(execution))}>
            Export JSON
          </button>
        </div>
      </div>
      <p class="muted">
        {execution.filtered_row_count.toLocaleString("en-US")} of {execution.row_count.toLocaleString("en-US")} rows used · {execution.execution_time_ms} ms
      </p>
      {execution.warnings.length > 0 && (
        <div class="problems warning" role="status">
          <h3>Warnings</h3>
          <ul>
            {execution.warnings.map((w, i) => (
              <li key={i} data-code={w.code}>
                <code class="path">{w.code}</code> {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {Object.keys(extra).length > 0 && (
        <dl class="summary">
          {Object.entries(extra).map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{cellText(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      <div class="table-scroll">
        <table class="result-table">
          <TableHead columns={columns.map((label, j) => ({ label, numeric: numeric[j] }))} />
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((value, j) => (
                  <td key={j} class={numeric[j] ? "num" : undefined} data-column={columns[j]}>
                    {cellText(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {execution.chart?.svg && <ChartImage svg={execution.chart.svg} alt={chartAlt(execution, execution.chart.type)} />}
      <details class="provenance">
        <summary>Provenance</summary>
        <dl>
          <dt>Analysis</dt>
          <dd>
            <code>{execution.analysis_id}</code>
          </dd>
          <dt>Dataset SHA-256</dt>
          <dd>
            <code>{p.dataset_sha256}</code>
          </dd>
          <dt>Plan SHA-256</dt>
          <dd>
            <code>{p.plan_sha256}</code>
          </dd>
          <dt>Engine version</dt>
          <dd>{p.engine_version}</dd>
          <dt>Executed at</dt>
          <dd>
            <time dateTime={p.executed_at}>{formatTime(p.executed_at)}</time>
          </dd>
          <dt>Filters</dt>
          <dd>
            {p.filter_steps.length === 0
              ? "none"
              : p.filter_steps.map((s, i) => (
                  <div key={i}>
                    <code>{JSON.stringify(s.filter)}</code> → {s.rows_remaining.toLocaleString("en-US")} rows
                  </div>
                ))}
          </dd>
          <dt>Normalised plan</dt>
          <dd>
            <pre>{JSON.stringify(execution.plan, null, 2)}</pre>
          </dd>
        </dl>
      </details>
    </section>
  );
}
