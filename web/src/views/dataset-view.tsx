import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { api, ApiProblem } from "../api";
import { navigate } from "../app";
import { ConfirmDialog } from "../components/confirm-dialog";
import { ExamplePlans } from "../components/example-plans";
import { HistoryList } from "../components/history-list";
import { parsePlanText, PlanEditor, type EditorStatus } from "../components/plan-editor";
import { PlanForm } from "../components/plan-form";
import { PlanSchemaDetails } from "../components/plan-schema-details";
import { ProblemMessage } from "../components/problem-message";
import { ProfileTable } from "../components/profile-table";
import { ResultView } from "../components/result-view";
import { formatBytes, formatCount, formatTime, timeUntil } from "../format";
import type { Analysis, Dataset, Execution } from "../types";

const INITIAL_PLAN = (dataset: Dataset): Record<string, unknown> => {
  const numeric = dataset.columns.find((c) => dataset.column_types[c] === "integer" || dataset.column_types[c] === "float");
  return numeric ? { operation: "mean", target_column: numeric } : { operation: "count" };
};

function useHistory(token: string, sessionId: string) {
  const [items, setItems] = useState<Analysis[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    async (more: boolean) => {
      setBusy(true);
      try {
        const page = await api.history(token, more && next ? { next } : { sessionId });
        setItems((old) => (more ? [...old, ...page.items] : page.items));
        setNext(page.next);
      } catch {
        // the dataset view shows the error that matters (the dataset itself)
      } finally {
        setBusy(false);
      }
    },
    [token, sessionId, next],
  );
  return { items, more: next !== null, busy, load };
}

export function DatasetView({ token, sessionId }: { token: string; sessionId: string }) {
  const [dataset, setDataset] = useState<Dataset | null>(null);
  const [loadProblem, setLoadProblem] = useState<ApiProblem | null>(null);
  const [text, setText] = useState("");
  const [status, setStatus] = useState<EditorStatus>({ state: "idle" });
  const [execution, setExecution] = useState<Execution | null>(null);
  const [runProblem, setRunProblem] = useState<ApiProblem | null>(null);
  const [running, setRunning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleteProblem, setDeleteProblem] = useState<ApiProblem | null>(null);
  const history = useHistory(token, sessionId);
  const heading = useRef<HTMLHeadingElement>(null);
  // One request for the dataset's plan JSON Schema: its examples seed the editor, the whole shows on request.
  const planSchema = useMemo(() => api.planSchema(token, sessionId), [token, sessionId]);

  useEffect(() => {
    api.dataset(token, sessionId).then(
      (d) => {
        setDataset(d);
        setText(JSON.stringify(INITIAL_PLAN(d), null, 2));
        document.title = `${d.filename} · Wake Analyzer playground`;
      },
      (problem: ApiProblem) => setLoadProblem(problem),
    );
    void history.load(false);
  }, [token, sessionId]);

  useEffect(() => {
    if (dataset) heading.current?.focus();
  }, [dataset !== null]);

  const run = async (plan: unknown) => {
    setRunning(true);
    setRunProblem(null);
    try {
      const result = await api.execute(token, sessionId, plan);
      setExecution(result);
      requestAnimationFrame(() => document.getElementById("result-title")?.focus());
    } catch (error) {
      setExecution(null);
      setRunProblem(error instanceof ApiProblem ? error : new ApiProblem(0, { detail: String(error) }));
    } finally {
      setRunning(false);
      void history.load(false);
    }
  };

  const execute = () => {
    const parsed = parsePlanText(text);
    if ("plan" in parsed) void run(parsed.plan);
  };

  const remove = async () => {
    setConfirming(false);
    try {
      await api.deleteDataset(token, sessionId);
      navigate("#/");
    } catch (error) {
      setDeleteProblem(error as ApiProblem);
    }
  };

  if (loadProblem) {
    return (
      <section aria-labelledby="missing-title">
        <h1 id="missing-title">Dataset unavailable</h1>
        <ProblemMessage problem={loadProblem} />
        <p>
          <a href="#/">Back to your datasets</a>
        </p>
      </section>
    );
  }
  if (!dataset) return <p aria-busy="true">Loading the dataset…</p>;

  const canExecute = !running && status.state !== "syntax";
  return (
    <article aria-labelledby="dataset-title">
      <p class="breadcrumb">
        <a href="#/">Datasets</a> / <span>{dataset.filename}</span>
      </p>
      <div class="section-head">
        <h1 id="dataset-title" ref={heading} tabIndex={-1}>
          {dataset.filename}
        </h1>
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          Delete dataset
        </button>
      </div>
      <p class="facts">
        <span>
          <strong>{formatCount(dataset.row_count)}</strong> rows
        </span>
        <span>
          <strong>{formatCount(dataset.column_count)}</strong> columns
        </span>
        <span>{formatBytes(dataset.size_bytes)}</span>
        <span>
          uploaded <time dateTime={dataset.uploaded_at}>{formatTime(dataset.uploaded_at)}</time>
        </span>
        <span>
          expires <time dateTime={dataset.expires_at}>{timeUntil(dataset.expires_at)}</time>
        </span>
      </p>
      {deleteProblem && <ProblemMessage problem={deleteProblem} />}
      <ConfirmDialog
        open={confirming}
        title="Delete this dataset?"
        message={`${dataset.filename}, its stored files and its ${history.items.length === 0 ? "" : "whole "}history will be deleted. This cannot be undone.`}
        confirmLabel="Delete"
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      />

      <section class="card" aria-labelledby="columns-title">
        <h2 id="columns-title">Columns</h2>
        <ProfileTable dataset={dataset} />
      </section>

      <section class="card" aria-labelledby="plan-title">
        <h2 id="plan-title">Plan</h2>
        <div class="plan-layout">
          <PlanForm dataset={dataset} onPlan={(plan) => setText(JSON.stringify(plan, null, 2))} />
          <div>
            <ExamplePlans schema={planSchema} onPlan={(plan) => setText(JSON.stringify(plan, null, 2))} />
            <PlanEditor token={token} sessionId={sessionId} text={text} onText={setText} status={status} onStatus={setStatus} />
            <div class="actions">
              <button type="button" class="primary" onClick={execute} disabled={!canExecute}>
                {running ? "Executing…" : "Execute"}
              </button>
            </div>
          </div>
        </div>
        <PlanSchemaDetails schema={planSchema} />
      </section>

      {runProblem && (
        <section class="card" aria-label="Execution refused">
          <ProblemMessage problem={runProblem} />
        </section>
      )}
      {execution && <ResultView execution={execution} />}

      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <HistoryList
          items={history.items}
          more={history.more}
          busy={history.busy || running}
          onRerun={(plan) => {
            setText(JSON.stringify(plan, null, 2));
            void run(plan);
          }}
          onEdit={(plan) => {
            setText(JSON.stringify(plan, null, 2));
            document.getElementById("plan-json")?.focus();
          }}
          onMore={() => void history.load(true)}
          token={token}
        />
      </section>
    </article>
  );
}
