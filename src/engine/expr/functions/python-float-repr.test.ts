import { describe, expect, it } from "vitest";
import { pythonFloatRepr } from "./python-float-repr";

describe("pythonFloatRepr matches Python's repr(float)", () => {
  it.each<[number, string]>([
    [0.1, "0.1"], [1e-5, "1e-05"], [0.0001, "0.0001"], [1e16, "1e+16"], [1234567890123456, "1234567890123456.0"],
    [12345678901234567, "1.2345678901234568e+16"], [-0, "-0.0"], [0, "0.0"], [5e-324, "5e-324"],
    [1.7976931348623157e308, "1.7976931348623157e+308"], [100, "100.0"], [2.5, "2.5"], [-1.5e-7, "-1.5e-07"],
    [0.30000000000000004, "0.30000000000000004"], [1e22, "1e+22"], [123.456, "123.456"], [1 - 0.001, "0.999"],
    [Infinity, "inf"], [-Infinity, "-inf"], [Number.NaN, "nan"],
  ])("%s", (x, repr) => {
    expect(pythonFloatRepr(x)).toBe(repr);
  });
});
