import { describe, expect, it } from "vitest";
import { parseCsv } from "../csv/parse-csv";
import { frameColumn, initialFrame } from "../frame/frame";
import { groupRows } from "../ops/group-rows";
import type { Column } from "../table/types";
import type { AggregateOpName } from "./aggregate-op";
import { AGGREGATE_OPS, findAggregateOp } from "./aggregate-ops";
import { crosstab } from "./crosstab";
import { describe as describeColumn } from "./describe";
import { percentileLabels } from "./percentile-labels";
import { valueCounts } from "./value-counts";

const NAMES: AggregateOpName[] = [
  "count", "count_distinct", "sum", "mean", "median", "min", "max", "std", "var", "sem", "quantile", "skew",
  "kurtosis", "mode", "first", "last",
];

const table = parseCsv(
  new TextEncoder().encode(
    [
      "g,price,qty,label,flag,when",
      "a,1.5,3,x,true,2024-01-01T00:00:00Z",
      "b,,4,y,false,2024-01-02T00:00:00Z",
      "a,2.5,5,,true,",
      "b,4,6,x,,2024-01-04T00:00:00Z",
      "a,-1,7,z,false,2024-01-05T00:00:00Z",
      "",
    ].join("\n"),
  ),
);
const rows = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
const column = (name: string): Column => frameColumn(initialFrame(table), name, "plan");
const op = (name: string) => findAggregateOp(name)!;

/** A refused parameter: an `invalid_parameter` error whose field problem says how (out_of_range, invalid_value). */
const parameterError = (code: string) =>
  expect.objectContaining({ code: "invalid_parameter", details: { problems: [expect.objectContaining({ code })] } });

describe("the aggregation op registry", () => {
  it("lists every op once, in the documented order, each found by name", () => {
    expect(AGGREGATE_OPS.map((o) => o.name)).toEqual(NAMES);
    for (const name of NAMES) expect(findAggregateOp(name)?.name).toBe(name);
    expect(findAggregateOp("average")).toBeUndefined();
  });

  it("declares what each op accepts and returns", () => {
    expect(op("count").columnOptional).toBe(true);
    expect(op("sum").accepts).toEqual(["integer", "float", "boolean"]);
    expect(op("sum").resultType("integer")).toBe("integer");
    expect(op("mean").resultType("datetime")).toBe("datetime");
    expect(op("max").resultType("string")).toBe("string");
    expect(op("mode").returnsList).toBe(true);
    expect(op("quantile").params).toEqual(["q", "interpolation"]);
    expect(op("std").params).toEqual(["ddof"]);
  });

  it("refuses a column of a type the op does not accept, and a missing column", () => {
    expect(() => op("sum").ungrouped(column("label"), rows, {})).toThrowError(expect.objectContaining({ code: "incompatible_type" }));
    expect(() => op("std").grouped(column("when"), groupRows(initialFrame(table), rows, ["g"]), {})).toThrowError(
      expect.objectContaining({ code: "incompatible_type" }),
    );
    expect(() => op("first").ungrouped(null, rows, {})).toThrowError(expect.objectContaining({ code: "missing_field" }));
    expect(op("count").ungrouped(null, rows, {})).toBe(5);
  });

  it("refuses parameters outside pandas' domain", () => {
    const price = column("price");
    expect(() => op("std").ungrouped(price, rows, { ddof: -1 })).toThrowError(parameterError("out_of_range"));
    expect(() => op("var").ungrouped(price, rows, { ddof: 0.5 })).toThrowError(parameterError("out_of_range"));
    expect(() => op("quantile").ungrouped(price, rows, { q: 1.5 })).toThrowError(parameterError("out_of_range"));
    expect(() => op("quantile").ungrouped(price, rows, { q: Number.NaN })).toThrowError(parameterError("out_of_range"));
    expect(() => op("quantile").ungrouped(price, rows, { interpolation: "cubic" as never })).toThrowError(
      parameterError("invalid_value"),
    );
  });

  it("returns each value in its column's kind, NaN when undefined", () => {
    expect(op("max").ungrouped(column("flag"), rows, {})).toBe(true);
    expect(op("min").ungrouped(column("when"), rows, {})).toBe("2024-01-01T00:00:00.000Z");
    expect(op("last").ungrouped(column("label"), rows, {})).toBe("z");
    expect(op("mode").ungrouped(column("label"), rows, {})).toEqual(["x"]);
    expect(op("sum").ungrouped(column("qty"), rows, {})).toBe(25);
    expect(op("mean").ungrouped(column("price"), new Uint32Array(0), {})).toBeNaN();
    expect(op("first").ungrouped(column("label"), Uint32Array.of(2), {})).toBeNaN();
    expect(op("mode").ungrouped(column("label"), Uint32Array.of(2), {})).toEqual([]);
  });

  it("gives the same results whatever other kernels ran in between (scratch buffers are not shared state)", () => {
    const grouping = groupRows(initialFrame(table), rows, ["g"]);
    const alone = ["median", "quantile", "skew", "mode", "count_distinct"].map((name) => op(name).grouped(column("price"), grouping, {}));
    const interleaved = ["median", "quantile", "skew", "mode", "count_distinct"].map((name) => {
      op("quantile").ungrouped(column("qty"), rows, { q: 0.9 });
      valueCounts(column("label"), rows);
      return op(name).grouped(column("price"), grouping, {});
    });
    expect(interleaved).toEqual(alone);
  });
});

describe("value_counts", () => {
  it("keeps proportions of all counted rows when a limit hides some entries", () => {
    const result = valueCounts(column("label"), rows, { normalize: true, limit: 1 });
    expect(result).toEqual({ entries: [{ value: "x", count: 2, proportion: 0.5 }], total: 4, distinct: 3 });
    expect(valueCounts(column("label"), rows, { limit: -3 }).entries).toEqual([]);
  });

  it("counts missing values as one entry, value null, where they first appear among equal counts", () => {
    const result = valueCounts(column("label"), rows, { dropna: false });
    expect(result.entries.map((e) => e.value)).toEqual(["x", "y", null, "z"]);
    expect(result.total).toBe(5);
  });
});

describe("describe", () => {
  it("refuses percentiles outside [0, 1] and repeated ones, as pandas does", () => {
    expect(() => describeColumn(column("price"), rows, { percentiles: [1.5] })).toThrowError(parameterError("out_of_range"));
    expect(() => describeColumn(column("price"), rows, { percentiles: [0.2, 0.2] })).toThrowError(
      parameterError("invalid_value"),
    );
  });

  it("labels percentiles as pandas 2.x does", () => {
    expect(percentileLabels([0.25, 0.5, 0.75])).toEqual(["25%", "50%", "75%"]);
    expect(percentileLabels([0.01999, 0.02001, 0.5, 0.666666, 0.9999])).toEqual(["1.999%", "2.001%", "50%", "66.667%", "99.99%"]);
    expect(percentileLabels([0.07, 0.29, 0.5])).toEqual(["7%", "29%", "50%"]);
    expect(percentileLabels([0.001, 0.5])).toEqual(["0.1%", "50%"]);
    expect(percentileLabels([1e-7, 0.5])).toEqual(["1e-05%", "50%"]);
  });
});

describe("crosstab", () => {
  it("refuses more than 5,000 cells", () => {
    const lines = ["a,b"];
    for (let i = 0; i < 100; i++) lines.push(`${i},${(i * 7) % 100}`, `${i},${(i * 13) % 100}`);
    const wide = parseCsv(new TextEncoder().encode(lines.join("\n")));
    const all = Uint32Array.from({ length: wide.rowCount }, (_, i) => i);
    expect(() => crosstab(frameColumn(initialFrame(wide), "a", "plan"), frameColumn(initialFrame(wide), "b", "plan"), all)).toThrowError(
      expect.objectContaining({ code: "too_many_groups" }),
    );
  });
});
