import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiProblem } from "../api";
import { applySuggestion } from "../plan-path";
import type { FieldProblem, ValidationReport } from "../types";

export type EditorStatus =
  | { state: "idle" }
  | { state: "syntax"; message: string }
  | { state: "checking" }
  | { state: "checked"; report: ValidationReport }
  | { state: "failed"; problem: ApiProblem };

const VALIDATE_DELAY_MS = 350;

/** Parses the editor's text; a syntax error says where, in the words of the browser's JSON parser. */
export function parsePlanText(text: string): { plan: unknown } | { error: string } {
  try {
    return { plan: JSON.parse(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function ProblemList({ title, problems, kind, onSuggestion }: { title: string; problems: FieldProblem[]; kind: "error" | "warning"; onSuggestion: (p: FieldProblem) => void }) {
  if (problems.length === 0) return null;
  return (
    <div class={`problems ${kind}`}>
      <h4>{title}</h4>
      <ul>
        {problems.map((p, i) => (
          <li key={i} data-path={p.path} data-code={p.code}>
            <code class="path">{p.path}</code> <span class="message">{p.message}</span>
            {p.suggestion !== undefined && (
              <>
                {" "}
                <button type="button" class="suggestion" onClick={() => onSuggestion(p)}>
                  Did you mean <q>{p.suggestion}</q>?
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The plan as JSON text, checked as you type: syntax here, everything else by POST /api/analytics/validate
 * against the dataset (problems at their path, did-you-mean suggestions applied with one click).
 */
export function PlanEditor(props: {
  token: string;
  sessionId: string;
  text: string;
  onText: (text: string) => void;
  onStatus: (status: EditorStatus) => void;
  status: EditorStatus;
}) {
  const { token, sessionId, text, onText, onStatus, status } = props;
  const sequence = useRef(0);
  const [lastChecked, setLastChecked] = useState<string | null>(null);

  useEffect(() => {
    const parsed = parsePlanText(text);
    if ("error" in parsed) {
      onStatus({ state: "syntax", message: parsed.error });
      return;
    }
    const mine = ++sequence.current;
    onStatus({ state: "checking" });
    const timer = setTimeout(() => {
      api.validate(token, sessionId, parsed.plan).then(
        (report) => {
          if (mine !== sequence.current) return;
          setLastChecked(text);
          onStatus({ state: "checked", report });
        },
        (problem: ApiProblem) => mine === sequence.current && onStatus({ state: "failed", problem }),
      );
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, token, sessionId]);

  const useSuggestion = (problem: FieldProblem) => {
    const parsed = parsePlanText(text);
    if ("error" in parsed || problem.suggestion === undefined) return;
    const next = applySuggestion(parsed.plan as never, problem.path, problem.code, problem.suggestion);
    if (next !== null) onText(JSON.stringify(next, null, 2));
  };

  const report = status.state === "checked" ? status.report : null;
  return (
    <div class="plan-editor">
      <label for="plan-json">
        Plan (JSON)
        <textarea
          id="plan-json"
          spellcheck={false}
          rows={12}
          value={text}
          aria-describedby="plan-status"
          aria-invalid={status.state === "syntax" || (report !== null && !report.valid)}
          onInput={(e) => onText(e.currentTarget.value)}
        />
      </label>
      <div id="plan-status" aria-live="polite">
        {status.state === "syntax" && (
          <p class="problems error">
            <strong>JSON syntax:</strong> {status.message}
          </p>
        )}
        {status.state === "checking" && <p class="muted">Checking…</p>}
        {status.state === "failed" && (
          <p class="problems error">
            Could not validate: {status.problem.message} (HTTP {status.problem.status})
          </p>
        )}
        {report !== null && report.valid && lastChecked === text && (
          <p class="valid">
            <span aria-hidden="true">✓</span> Valid plan for this dataset
          </p>
        )}
        {report !== null && (
          <>
            <ProblemList title="Problems" problems={report.errors} kind="error" onSuggestion={useSuggestion} />
            <ProblemList title="Warnings" problems={report.warnings} kind="warning" onSuggestion={useSuggestion} />
          </>
        )}
      </div>
    </div>
  );
}
