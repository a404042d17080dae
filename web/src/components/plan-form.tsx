import { useState } from "preact/hooks";
import type { ColumnType, Dataset } from "../types";

const OPERATIONS = ["mean", "sum", "count", "min", "max", "std", "median", "correlation", "regression", "forecast"] as const;
type Operation = (typeof OPERATIONS)[number];
const CHARTS = ["bar", "line", "scatter", "heatmap", "box", "histogram"] as const;
const OPERATORS = ["==", "!=", ">", "<", ">=", "<="] as const;

/** Column types each operation's target accepts (the server checks again and explains a refusal). */
const TARGET_TYPES: Record<Operation, ColumnType[]> = {
  mean: ["integer", "float", "boolean"],
  sum: ["integer", "float", "boolean"],
  count: ["integer", "float", "boolean", "datetime", "string"],
  min: ["integer", "float", "datetime"],
  max: ["integer", "float", "datetime"],
  std: ["integer", "float"],
  median: ["integer", "float"],
  correlation: [],
  regression: [],
  forecast: ["integer", "float"],
};
const NUMERIC: ColumnType[] = ["integer", "float"];

interface FilterRow {
  column: string;
  operator: (typeof OPERATORS)[number];
  value: string;
}

interface FormState {
  operation: Operation;
  target: string;
  groupBy: [string, string];
  x: string;
  y: string;
  time: string;
  horizon: number;
  forecastMethod: "linear" | "holt";
  method: "pearson" | "spearman";
  chart: string;
  filters: FilterRow[];
}

const defaultChart = (operation: Operation, grouped: boolean): string =>
  operation === "forecast" ? "line" : operation === "correlation" || operation === "regression" ? "scatter" : grouped ? "bar" : "";

function initialState(dataset: Dataset): FormState {
  const of = (types: ColumnType[]) => dataset.columns.find((c) => types.includes(dataset.column_types[c])) ?? "";
  const numeric = dataset.columns.filter((c) => NUMERIC.includes(dataset.column_types[c]));
  return {
    operation: "mean",
    target: of(["integer", "float"]),
    groupBy: ["", ""],
    x: numeric[0] ?? "",
    y: numeric[1] ?? numeric[0] ?? "",
    time: of(["datetime"]) || of(NUMERIC),
    horizon: 12,
    forecastMethod: "linear",
    method: "pearson",
    chart: "",
    filters: [],
  };
}

/** A filter value typed as the column's type, so the plan reads as it was meant ("10" -> 10 on a number column). */
function typedValue(type: ColumnType | undefined, text: string): string | number | boolean {
  if ((type === "integer" || type === "float") && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

export function planOf(state: FormState, dataset: Dataset): Record<string, unknown> {
  const plan: Record<string, unknown> = { operation: state.operation };
  const op = state.operation;
  if (op === "correlation" || op === "regression") {
    plan.x_axis = state.x;
    plan.y_axis = state.y;
    if (op === "correlation") plan.method = state.method;
  } else if (op === "forecast") {
    plan.target_column = state.target;
    plan.time_column = state.time;
    plan.horizon = state.horizon;
    plan.forecast_method = state.forecastMethod;
  } else if (state.target !== "" || op !== "count") {
    plan.target_column = state.target;
  }
  const groupBy = state.groupBy.filter((c) => c !== "");
  if (groupBy.length > 0 && op !== "forecast") plan.group_by = groupBy;
  if (state.filters.length > 0) {
    plan.filters = state.filters.map((f) => ({ column: f.column, operator: f.operator, value: typedValue(dataset.column_types[f.column], f.value) }));
  }
  if (state.chart !== "") plan.chart_type = state.chart;
  return plan;
}

function ColumnSelect(props: { id: string; label: string; value: string; columns: string[]; optional?: string; onChange: (value: string) => void }) {
  return (
    <label for={props.id}>
      {props.label}
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {props.optional !== undefined && <option value="">{props.optional}</option>}
        {props.columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A form for the common plans. Every change writes the plan into the JSON editor, which stays the one source
 * of truth (edits there are not read back into the form).
 */
export function PlanForm({ dataset, onPlan }: { dataset: Dataset; onPlan: (plan: Record<string, unknown>) => void }) {
  const [state, setState] = useState<FormState>(() => initialState(dataset));
  const update = (patch: Partial<FormState>) => {
    const next = { ...state, ...patch };
    if (patch.operation !== undefined) next.chart = defaultChart(patch.operation, next.groupBy.some((c) => c !== ""));
    if (patch.groupBy !== undefined && (next.chart === "" || next.chart === "bar")) next.chart = defaultChart(next.operation, next.groupBy.some((c) => c !== ""));
    setState(next);
    onPlan(planOf(next, dataset));
  };
  const columnsOf = (types: ColumnType[]) => dataset.columns.filter((c) => types.includes(dataset.column_types[c]));
  const op = state.operation;
  const pairwise = op === "correlation" || op === "regression";

  return (
    <form class="plan-form" aria-labelledby="form-title" onSubmit={(e) => e.preventDefault()}>
      <h3 id="form-title">Build a plan</h3>
      <div class="fields">
        <label for="f-operation">
          Operation
          <select id="f-operation" value={op} onChange={(e) => update({ operation: e.currentTarget.value as Operation })}>
            {OPERATIONS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        {!pairwise && (
          <ColumnSelect
            id="f-target"
            label={op === "forecast" ? "Value column" : "Target column"}
            value={state.target}
            columns={columnsOf(TARGET_TYPES[op])}
            optional={op === "count" ? "(rows)" : undefined}
            onChange={(target) => update({ target })}
          />
        )}
        {pairwise && <ColumnSelect id="f-x" label="x axis" value={state.x} columns={columnsOf(NUMERIC)} onChange={(x) => update({ x })} />}
        {pairwise && <ColumnSelect id="f-y" label="y axis" value={state.y} columns={columnsOf(NUMERIC)} onChange={(y) => update({ y })} />}
        {op === "correlation" && (
          <label for="f-method">
            Method
            <select id="f-method" value={state.method} onChange={(e) => update({ method: e.currentTarget.value as FormState["method"] })}>
              <option value="pearson">pearson</option>
              <option value="spearman">spearman</option>
            </select>
          </label>
        )}
        {op === "forecast" && (
          <>
            <ColumnSelect id="f-time" label="Time column" value={state.time} columns={columnsOf(["datetime", "integer", "float"])} onChange={(time) => update({ time })} />
            <label for="f-horizon">
              Horizon
              <input id="f-horizon" type="number" min={1} max={365} value={state.horizon} onInput={(e) => update({ horizon: Number(e.currentTarget.value) })} />
            </label>
            <label for="f-fmethod">
              Method
              <select id="f-fmethod" value={state.forecastMethod} onChange={(e) => update({ forecastMethod: e.currentTarget.value as FormState["forecastMethod"] })}>
                <option value="linear">linear</option>
                <option value="holt">holt</option>
              </select>
            </label>
          </>
        )}
        {op !== "forecast" && (
          <>
            <ColumnSelect id="f-group1" label="Group by" value={state.groupBy[0]} columns={dataset.columns} optional="(none)" onChange={(c) => update({ groupBy: [c, state.groupBy[1]] })} />
            {state.groupBy[0] !== "" && (
              <ColumnSelect id="f-group2" label="Then by" value={state.groupBy[1]} columns={dataset.columns} optional="(none)" onChange={(c) => update({ groupBy: [state.groupBy[0], c] })} />
            )}
          </>
        )}
        <label for="f-chart">
          Chart
          <select id="f-chart" value={state.chart} onChange={(e) => update({ chart: e.currentTarget.value })}>
            <option value="">(none)</option>
            {CHARTS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset class="filters">
        <legend>Filters (all must hold)</legend>
        {state.filters.map((f, i) => {
          const set = (patch: Partial<FilterRow>) => update({ filters: state.filters.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
          return (
            <div class="filter-row" key={i}>
              <ColumnSelect id={`f-filter-${i}-column`} label={`Filter ${i + 1} column`} value={f.column} columns={dataset.columns} onChange={(column) => set({ column })} />
              <label for={`f-filter-${i}-operator`}>
                Operator
                <select id={`f-filter-${i}-operator`} value={f.operator} onChange={(e) => set({ operator: e.currentTarget.value as FilterRow["operator"] })}>
                  {OPERATORS.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              </label>
              <label for={`f-filter-${i}-value`}>
                Value
                <input id={`f-filter-${i}-value`} value={f.value} onInput={(e) => set({ value: e.currentTarget.value })} />
              </label>
              <button type="button" class="link-button" onClick={() => update({ filters: state.filters.filter((_, j) => j !== i) })}>
                Remove filter {i + 1}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => update({ filters: [...state.filters, { column: dataset.columns[0], operator: "==", value: "" }] })} disabled={state.filters.length >= 20}>
          Add a filter
        </button>
      </fieldset>
    </form>
  );
}
