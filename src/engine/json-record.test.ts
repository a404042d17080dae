import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv/parse-csv";
import { executePlan } from "./execute-plan";
import { jsonRecord } from "./json-record";

describe("jsonRecord", () => {
  it("keeps hostile names as own, enumerable keys in order, on an ordinary object", () => {
    const record = jsonRecord([["__proto__", 1], ["constructor", 2], ["toString", 3]]);
    expect(JSON.stringify(record)).toBe('{"__proto__":1,"constructor":2,"toString":3}');
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(["__proto__", "constructor", "toString"]);
  });

  it("is the group key of a grouped result, serialised with __proto__ and constructor as data", () => {
    const table = parseCsv(new TextEncoder().encode("__proto__,constructor,v\na,x,1\nb,y,2\na,x,3\n"));
    const { result } = executePlan(table, { operation: "sum", target_column: "v", filters: [], group_by: ["__proto__", "constructor"] });
    expect(JSON.stringify(result)).toBe(
      '{"groups":[{"key":{"__proto__":"a","constructor":"x"},"value":4,"count":2},{"key":{"__proto__":"b","constructor":"y"},"value":2,"count":1}]}',
    );
  });
});
