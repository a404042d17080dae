import { useEffect, useState } from "preact/hooks";

type Example = Record<string, unknown>;

/**
 * The example plans of the dataset's plan JSON Schema (one per operation, naming this dataset's columns), offered
 * as starting points: choosing one puts it in the editor, where it is validated like any typed plan.
 */
export function ExamplePlans({ schema, onPlan }: { schema: Promise<Record<string, unknown>>; onPlan: (plan: Example) => void }) {
  const [examples, setExamples] = useState<Example[]>([]);
  useEffect(() => {
    let live = true;
    schema.then(
      (loaded) => {
        const list = loaded.examples;
        if (live && Array.isArray(list)) setExamples(list.filter((e): e is Example => typeof e === "object" && e !== null && !Array.isArray(e)));
      },
      () => {
        // Examples are a convenience: without them the form and the editor still work.
      },
    );
    return () => {
      live = false;
    };
  }, [schema]);
  if (examples.length === 0) return null;
  return (
    <div class="example-plans">
      <label for="example-plan">Start from an example</label>
      <select
        id="example-plan"
        value=""
        onChange={(e) => {
          const example = examples[Number(e.currentTarget.value)];
          if (example !== undefined) onPlan(example);
          e.currentTarget.value = "";
        }}
      >
        <option value="">Choose one…</option>
        {examples.map((example, i) => (
          <option key={i} value={String(i)}>
            {String(example.operation)}
          </option>
        ))}
      </select>
    </div>
  );
}
