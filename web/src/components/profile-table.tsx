import { formatCount, formatStat } from "../format";
import type { ColumnProfile, Dataset } from "../types";
import { MiniHistogram, TopValues } from "./mini-charts";

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
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col" class="num">
              Nulls
            </th>
            <th scope="col" class="num">
              Distinct
            </th>
            <th scope="col" class="num">
              Min
            </th>
            <th scope="col" class="num">
              Max
            </th>
            <th scope="col" class="num">
              Mean
            </th>
            <th scope="col" class="num">
              Std
            </th>
            <th scope="col">Distribution</th>
          </tr>
        </thead>
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
                <td class="num" title={String(profile.min ?? "")}>
                  {formatStat(profile.min)}
                </td>
                <td class="num" title={String(profile.max ?? "")}>
                  {formatStat(profile.max)}
                </td>
                <td class="num" title={String(profile.mean ?? "")}>
                  {formatStat(profile.mean)}
                </td>
                <td class="num" title={String(profile.std ?? "")}>
                  {formatStat(profile.std)}
                </td>
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
