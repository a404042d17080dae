import { formatCount, formatStat } from "../format";
import type { ColumnProfile, Dataset } from "../types";
import { MiniHistogram, TopValues } from "./mini-charts";
import { TableHead, type HeadColumn } from "./table-head";

const COLUMNS: HeadColumn[] = [
  { label: "Column" },
  { label: "Type" },
  ...["Nulls", "Distinct", "Min", "Max", "Mean", "Std"].map((label) => ({ label, numeric: true })),
  { label: "Distribution" },
];

function Distribution({ name, profile, rows }: { name: string; profile: ColumnProfile; rows: number }) {
  if (profile.histogram && profile.histogram.counts.length > 0) {
    return <MiniHistogram column={name} edges={profile.histogram.edges} counts={profile.histogram.counts} datetime={profile.type === "datetime"} />;
  }
  if (profile.top && profile.top.length > 0) return <TopValues column={name} top={profile.top} rows={rows} />;
  return <span class="muted">no values</span>;
}

/** The dataset's columns with their type and profile (pandas semantics: counts exclude missing values). */
export function ProfileTable({ dataset }: { dataset: Dataset }) {
  return (
    <div class="table-scroll">
      <table class="profile">
        <caption class="visually-hidden">Columns of {dataset.filename} with their profile</caption>
        <TableHead columns={COLUMNS} />
        <tbody>
          {dataset.columns.map((name) => {
            const profile = Object.hasOwn(dataset.profile, name) ? dataset.profile[name] : undefined;
            if (!profile) return null;
            return (
              <tr key={name} data-column={name}>
                <th scope="row" class="column-name">
                  {name}
                </th>
                <td>
                  <span class={`type type-${profile.type}`}>{profile.type}</span>
                </td>
                <td class="num">{formatCount(profile.null_count)}</td>
                <td class="num">{formatCount(profile.distinct_count)}</td>
                {[profile.min, profile.max, profile.mean, profile.std].map((value, i) => (
                  <td key={i} class="num" title={String(value ?? "")}>
                    {formatStat(value)}
                  </td>
                ))}
                <td>
                  <Distribution name={name} profile={profile} rows={dataset.row_count} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
