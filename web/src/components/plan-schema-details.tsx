import { useState } from "preact/hooks";
import { ApiProblem } from "../api";
import { ProblemMessage } from "./problem-message";

/** The dataset's plan JSON Schema (column names as enums per role), shown when opened: what an LLM tool gets. */
export function PlanSchemaDetails({ schema: loading }: { schema: Promise<Record<string, unknown>> }) {
  const [schema, setSchema] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  return (
    <details
      class="plan-schema"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open && schema === null) {
          loading.then((s) => setSchema(JSON.stringify(s, null, 2)), setProblem);
        }
      }}
    >
      <summary>JSON Schema of plans for this dataset (for an LLM tool definition)</summary>
      {problem && <ProblemMessage problem={problem} />}
      {schema === null && !problem ? <p aria-busy="true">Loading…</p> : <pre class="schema">{schema}</pre>}
    </details>
  );
}
