// Small distribution charts for the profile, drawn as SVG elements (text nodes only, no markup from data).
import { formatStat } from "../format";

const WIDTH = 168;
const HEIGHT = 44;

/** Equal-width histogram of a numeric or datetime column, from the profile's `histogram` (edges and counts). */
export function MiniHistogram({ column, edges, counts, datetime }: { column: string; edges: number[]; counts: number[]; datetime: boolean }) {
  const max = Math.max(1, ...counts);
  const width = WIDTH / counts.length;
  const edge = (x: number) => (datetime ? new Date(x).toISOString().slice(0, 10) : formatStat(x));
  const label = `Histogram of ${column}: ${counts.length} bins from ${edge(edges[0])} to ${edge(edges[edges.length - 1])}, tallest bin ${max} rows`;
  return (
    <figure class="mini-chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT}>
        <title>{label}</title>
        {counts.map((count, i) => {
          const h = count === 0 ? 0 : Math.max(1, (count / max) * (HEIGHT - 2));
          return (
            <rect key={i} class="bar" x={i * width + 0.5} y={HEIGHT - h} width={Math.max(1, width - 1)} height={h}>
              <title>{`${edge(edges[i])} to ${edge(edges[i + 1])}: ${count}`}</title>
            </rect>
          );
        })}
        <line class="axis" x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
      </svg>
      <figcaption class="range">
        <span>{edge(edges[0])}</span>
        <span>{edge(edges[edges.length - 1])}</span>
      </figcaption>
    </figure>
  );
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The most frequent values of a string or boolean column as horizontal bars, with their counts. */
export function TopValues({ column, top, rows }: { column: string; top: Array<{ value: string | boolean; count: number }>; rows: number }) {
  const shown = top.slice(0, 5);
  const max = Math.max(1, ...shown.map((t) => t.count));
  const rowHeight = 15;
  const height = shown.length * rowHeight;
  const barStart = 84;
  const label = `Most frequent values of ${column}: ${shown.map((t) => `${String(t.value)} (${t.count})`).join(", ")}`;
  return (
    <figure class="mini-chart">
      <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height}>
        <title>{label}</title>
        {shown.map((t, i) => {
          const w = (t.count / max) * (WIDTH - barStart - 30);
          return (
            <g key={i} transform={`translate(0 ${i * rowHeight})`}>
              <text class="label" x={barStart - 4} y={11} text-anchor="end">
                {shorten(String(t.value), 12)}
              </text>
              <rect class="bar" x={barStart} y={2} width={Math.max(1, w)} height={rowHeight - 4} />
              <text class="count" x={barStart + w + 3} y={11}>
                {t.count}
              </text>
            </g>
          );
        })}
      </svg>
      {top.length > shown.length && <figcaption class="hint">and {top.length - shown.length} more of the top values</figcaption>}
      <span class="visually-hidden">{`${rows} rows in all`}</span>
    </figure>
  );
}
