import { useRef, useState } from "preact/hooks";
import { ApiProblem, uploadCsv } from "../api";
import type { Dataset } from "../types";
import { ProblemMessage } from "./problem-message";

/**
 * Pick or drop a CSV; the upload shows its progress and the service's answer as it is (413 too large, 415 not a
 * CSV, 400 ragged row with its line). The file input stays the accessible control; the drop zone is its label.
 */
export function UploadForm({ token, onUploaded }: { token: string; onUploaded: (dataset: Dataset) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [dragging, setDragging] = useState(false);
  const [name, setName] = useState<string | null>(null);

  const upload = async (file: File) => {
    setProblem(null);
    setName(file.name);
    setProgress(0);
    try {
      const dataset = await uploadCsv(token, file, setProgress);
      onUploaded(dataset);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, { detail: String(error) }));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = "";
    }
  };

  return (
    <section class="card" aria-labelledby="upload-title">
      <h2 id="upload-title">Upload a CSV</h2>
      <label
        class={`drop-zone${dragging ? " dragging" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer?.files[0];
          if (file) void upload(file);
        }}
      >
        <span>
          <strong>Choose a file</strong> or drop it here
        </span>
        <span class="hint">UTF-8 CSV with a header line, up to 10 MB by default</span>
        <input
          ref={input}
          type="file"
          name="file"
          accept=".csv,text/csv"
          disabled={progress !== null}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void upload(file);
          }}
        />
      </label>
      {progress !== null && (
        <div class="progress" role="status">
          <label>
            Uploading {name}: {Math.round(progress * 100)}%
            <progress max={1} value={progress} />
          </label>
          {progress >= 1 && <span class="hint">Parsing and profiling on the server…</span>}
        </div>
      )}
      {problem && (
        <div aria-live="assertive">
          <p class="muted">{name} was not stored.</p>
          <ProblemMessage problem={problem} />
        </div>
      )}
    </section>
  );
}
