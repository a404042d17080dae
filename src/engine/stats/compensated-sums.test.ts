import { describe, expect, it } from "vitest";
import { KahanSums } from "./kahan-sums";
import { NeumaierSum, neumaierSum } from "./neumaier-sum";

// Expected values are exact sums (Python's math.fsum), where a naive running sum is off: fsum([0.1] * 10) is
// 1.0 (naive 0.9999999999999999), fsum([1e16, 1, -1e16, 1] * 5) is 10.0 (naive 0.0 or 4.0 depending on order).
describe("compensated sums", () => {
  it("NeumaierSum recovers what a naive sum loses, whatever the magnitudes", () => {
    const sum = new NeumaierSum();
    for (let i = 0; i < 5; i++) for (const x of [1e16, 1, -1e16, 1]) sum.add(x);
    expect(sum.value()).toBe(10);
    expect(neumaierSum(3, (i) => [1e100, 1, -1e100][i])).toBe(1);
    expect(new NeumaierSum().value()).toBe(0);
  });

  it("KahanSums keeps one sum per slot, and push grows past the initial capacity without losing any", () => {
    const sums = new KahanSums(1);
    for (let i = 0; i < 10; i++) sums.add(0, 0.1);
    const opened = Array.from({ length: 20 }, () => sums.push());
    expect(opened).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    opened.forEach((slot) => sums.add(slot, slot));
    expect(sums.length).toBe(21);
    expect(sums.value(0)).toBe(1);
    expect(opened.map((slot) => sums.value(slot))).toEqual(opened);
  });
});
