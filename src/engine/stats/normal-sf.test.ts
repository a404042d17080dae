import { describe, expect, it } from "vitest";
import { normalCdf, normalSf } from "./normal-sf";

// mpmath at 40 digits: ½ erfc(z/√2). scipy's ndtr agrees to ~1e-13 (its x² rounding); these hold to 1e-14.
const close = (actual: number, expected: number, rel = 1e-14) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

describe("normal tails against mpmath", () => {
  it("upper tail from the centre to the underflow", () => {
    close(normalSf(0), 0.5);
    close(normalSf(0.5), 0.3085375387259869);
    close(normalSf(1.959963984540054), 0.025000000000000012);
    close(normalSf(5), 2.866515718791939e-7);
    close(normalSf(12), 1.776482112077679e-33);
    close(normalSf(37.5), 4.605353009581955e-308);
    expect(normalSf(40)).toBe(0);
    expect(normalSf(Number.POSITIVE_INFINITY)).toBe(0);
  });
  it("lower tail keeps relative accuracy", () => {
    close(normalCdf(-3), 0.0013498980316300946);
    close(normalCdf(-8.3), 5.205569744890254e-17);
    close(normalSf(-3), 0.9986501019683699);
    close(normalCdf(0.5), 0.6914624612740131);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalSf(Number.NaN)).toBeNaN();
  });
});
