import { useEffect, useState } from "preact/hooks";
import { api } from "../api";
import { formatTime, groupKeyName } from "../format";
import type { Analysis } from "../types";

/** A stored chart, fetched with the bearer token from its chart.svg route when asked for. */
function StoredChart({ token, path, alt }: { token: string; path: string; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current: string | null = null;
    api.chartUrl(token, path).then(
      (u) => {
        current = u;
        setUrl(u);
      },
      () => setFailed(true),
    );
    return () => {
      if (current) URL.revokeObjectURL(current);
    };
  }, [token, path]);
  if (failed) return <p class="muted stored-chart">The chart could not be loaded.</p>;
  return <div class="stored-chart">{url ? <img class="chart" src={url} alt={alt} /> : <p aria-busy="true">Loading the chart…</p>}</div>;
}

/** A plan in one line: the operation and what it reads, for the history list. */
function planSummary(plan: unknown): string {
  if (typeof plan !== "object" || plan === null) return JSON.stringify(plan);
  const p = plan as Record<string, unknown>;
  const parts = [String(p.operation ?? "?")];
  for (const key of ["target_column", "x_axis", "y_axis", "time_column"]) if (typeof p[key] === "string") parts.push(String(p[key]));
  if (Array.isArray(p.group_by) && p.group_by.length > 0) parts.push(`by ${p.group_by.map(groupKeyName).join(", ")}`);
  if (Array.isArray(p.filters) && p.filters.length > 0) parts.push(`${p.filters.length} filter${p.filters.length === 1 ? "" : "s"}`);
  if (typeof p.chart_type === "string") parts.push(`${p.chart_type} chart`);
  return parts.join(" · ");
}

export function HistoryList(props: {
  items: Analysis[];
  more: boolean;
  busy: boolean;
  onRerun: (plan: unknown) => void;
  onEdit: (plan: unknown) => void;
  onMore: () => void;
  token: string;
}) {
  const [shown, setShown] = useState<string | null>(null);
  if (props.items.length === 0) return <p class="muted">No plans executed on this dataset yet.</p>;
  return (
    <>
      <ol class="history">
        {props.items.map((item) => (
          <li key={item.id} class={item.success ? "ok" : "failed"} data-analysis={item.id}>
            <div class="history-main">
              <span class={`badge ${item.success ? "ok" : "failed"}`}>{item.success ? "done" : "refused"}</span>{" "}
              <span class="plan-summary">{planSummary(item.execution_plan)}</span>
              <div class="muted">
                <time dateTime={item.executed_at}>{formatTime(item.executed_at)}</time>
                {item.filtered_row_count !== null && ` · ${item.filtered_row_count.toLocaleString("en-US")} rows`}
                {item.error_message && <> · {item.error_message}</>}
              </div>
            </div>
            <div class="actions">
              {item.chart?.svg_url && (
                <button type="button" aria-expanded={shown === item.id} onClick={() => setShown(shown === item.id ? null : item.id)}>
                  {shown === item.id ? "Hide chart" : "Chart"}
                </button>
              )}
              <button type="button" onClick={() => props.onEdit(item.execution_plan)} disabled={props.busy}>
                Edit
              </button>
              <button type="button" onClick={() => props.onRerun(item.execution_plan)} disabled={props.busy}>
                Re-run
              </button>
            </div>
            {shown === item.id && item.chart?.svg_url && (
              <StoredChart token={props.token} path={item.chart.svg_url} alt={`${item.chart.type} chart: ${planSummary(item.execution_plan)}`} />
            )}
          </li>
        ))}
      </ol>
      {props.more && (
        <button type="button" onClick={props.onMore} disabled={props.busy}>
          Load older
        </button>
      )}
    </>
  );
}
