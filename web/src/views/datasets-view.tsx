import { useEffect, useState } from "preact/hooks";
import { api, ApiProblem } from "../api";
import { navigate } from "../app";
import { ProblemMessage } from "../components/problem-message";
import { TableHead, type HeadColumn } from "../components/table-head";
import { UploadForm } from "../components/upload-form";
import { formatBytes, formatCount, formatTime, timeUntil } from "../format";
import type { Dataset } from "../types";

const COLUMNS: HeadColumn[] = [
  { label: "File" },
  { label: "Rows", numeric: true },
  { label: "Columns", numeric: true },
  { label: "Size", numeric: true },
  { label: "Uploaded" },
  { label: "Expires" },
];

export function DatasetsView({ token }: { token: string }) {
  const [datasets, setDatasets] = useState<Dataset[] | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  useEffect(() => {
    document.title = "Datasets · Wake Analyzer playground";
    api.datasets(token).then(setDatasets, (error: ApiProblem) => setProblem(error));
  }, [token]);

  return (
    <section aria-labelledby="datasets-title">
      <h1 id="datasets-title">Datasets</h1>
      <UploadForm token={token} onUploaded={(dataset) => navigate(`#/datasets/${dataset.session_id}`)} />
      <section class="card" aria-labelledby="list-title">
        <h2 id="list-title">Your datasets</h2>
        {problem && <ProblemMessage problem={problem} />}
        {datasets === null && !problem && <p aria-busy="true">Loading…</p>}
        {datasets !== null && datasets.length === 0 && <p class="muted">No datasets yet: upload a CSV above.</p>}
        {datasets !== null && datasets.length > 0 && (
          <div class="table-scroll">
            <table class="datasets">
              <TableHead columns={COLUMNS} />
              <tbody>
                {datasets.map((d) => (
                  <tr key={d.session_id}>
                    <th scope="row">
                      <a href={`#/datasets/${d.session_id}`}>{d.filename}</a>
                    </th>
                    <td class="num">{formatCount(d.row_count)}</td>
                    <td class="num">{formatCount(d.column_count)}</td>
                    <td class="num">{formatBytes(d.size_bytes)}</td>
                    <td>
                      <time dateTime={d.uploaded_at}>{formatTime(d.uploaded_at)}</time>
                    </td>
                    <td>
                      <time dateTime={d.expires_at} title={formatTime(d.expires_at)}>
                        {timeUntil(d.expires_at)}
                      </time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
