/** A column of a data table: its header text, and whether it holds numbers (right-aligned through class "num"). */
export interface HeadColumn {
  label: string;
  numeric?: boolean;
}

/** The header row of a data table: a `<th scope="col">` per column, numeric ones with class "num". */
export function TableHead({ columns }: { columns: readonly HeadColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map(({ label, numeric }) => (
          <th scope="col" key={label} class={numeric ? "num" : undefined}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
