import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/parse-csv";
import { EngineError } from "../errors";
import { executePlan } from "../execute-plan";
import type { ForecastResult } from "./forecast-result";
import { futureTimes, MAX_DATETIME_MS } from "./future-times";

const table = (csv: string) => parseCsv(new TextEncoder().encode(csv));
const forecast = (csv: string, horizon: number, method: "linear" | "holt" = "linear") =>
  executePlan(table(csv), { operation: "forecast", target_column: "v", time_column: "t", horizon, forecast_method: method, filters: [], group_by: [] });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return { code: error.code, message: error.message, problems: error.details.problems };
    throw error;
  }
  throw new Error("not refused");
};

// Every time a forecast answers is an ISO 8601 date-time with a four-digit year, which Python's
// datetime.fromisoformat reads: nothing past 9999-12-31T23:59:59.999Z.
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe("forecast times stay writable", () => {
  it("refuses a horizon that passes year 9999 (or JavaScript's date range) with forecast_out_of_range at plan.horizon", () => {
    const csv = "t,v\n0001-01-01,1\n5000-01-01,2\n9999-01-01,3\n";
    for (const method of ["linear", "holt"] as const) {
      const refused = refusal(() => forecast(csv, 54, method));
      expect(refused).toEqual({
        code: "forecast_out_of_range",
        message: expect.stringContaining("past 9999-12-31"),
        problems: [{ path: "plan.horizon", code: "forecast_out_of_range", message: refused.message }],
      });
      expect(refused.message).toContain("not even one fits");
    }
  });

  it("answers up to the last day ISO 8601 can name and names the longest horizon past it", () => {
    const csv = "t,v\n9999-12-18,1\n9999-12-19,2\n9999-12-20,4\n";
    const points = (forecast(csv, 11).result as ForecastResult).points;
    expect(points.map((p) => p.time)).toEqual(Array.from({ length: 11 }, (_, i) => `9999-12-${String(21 + i).padStart(2, "0")}T00:00:00.000Z`));
    for (const point of points) expect(point.time).toMatch(ISO);
    expect(refusal(() => forecast(csv, 12)).message).toBe(
      "The forecast's 12 periods of 1 days after the last time would reach past 9999-12-31, the last date an ISO 8601 time can name; at most 11 fit: ask for a horizon of 11 or less.",
    );
    expect(Date.parse("9999-12-31T23:59:59.999Z")).toBe(MAX_DATETIME_MS);
  });

  it("refuses numeric times that would overflow to infinity", () => {
    expect(futureTimes(Float64Array.of(0, 1e307, 2e307), 3, false)).toEqual(Float64Array.of(3e307, 4e307, 5e307));
    expect(refusal(() => futureTimes(Float64Array.of(0, 1e308), 1, false)).message).toContain("not even one fits");
  });
});
