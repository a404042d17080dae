/** One forecast step: `time` is ISO for datetime series, a number otherwise; the interval bounds a new value. */
export interface ForecastPoint {
  time: string | number;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

/** The `result` of a forecast plan (docs/api.md "Execution"). */
export interface ForecastResult {
  method: "linear" | "holt";
  horizon: number;
  confidence: number;
  points: ForecastPoint[];
  fit: Record<string, number | null>;
}
