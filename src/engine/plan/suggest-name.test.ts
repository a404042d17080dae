import { describe, expect, it } from "vitest";
import { closenessLimit, editDistance, normalizeName, suggestClosest } from "./suggest-name";

describe("editDistance (optimal string alignment)", () => {
  it.each([
    ["", "", 0], ["abc", "", 3], ["", "abc", 3], ["kitten", "sitting", 3], ["slaes", "sales", 1],
    ["ab", "ba", 1], ["abc", "acb", 1], ["ca", "abc", 3], ["same", "same", 0],
  ] as const)("%s -> %s = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it("gives up above the limit with limit + 1", () => {
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("a", "abcdefgh", 2)).toBe(3);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
  });
});

describe("normalizeName", () => {
  it.each([
    ["Total Sales", "totalsales"], ["total_sales", "totalsales"], ["totalSales", "totalsales"],
    ["TOTAL-SALES", "totalsales"], ["total.sales", "totalsales"], ["  total \t sales ", "totalsales"], ["___", "___"],
  ])("%s -> %s", (name, normalized) => expect(normalizeName(name)).toBe(normalized));
});

describe("suggestClosest", () => {
  const columns = ["age", "Total Sales", "total", "region_code", "created_at", "id"];

  it.each([
    ["AGE", "age"],
    ["total_sales", "Total Sales"],
    ["totalSales", "Total Sales"],
    ["regionCode", "region_code"],
    ["region-cod", "region_code"],
    ["creatd_at", "created_at"],
    ["ag", "age"],
    ["totl", "total"],
  ])("%s -> %s", (name, expected) => expect(suggestClosest(name, columns)).toBe(expected));

  it.each(["x", "revenue", "identifier", "zzz", "ageing_report_2024"])("%s -> nothing", (name) => {
    expect(suggestClosest(name, columns)).toBeUndefined();
  });

  it("prefers the candidate needing fewer raw edits among equal normalised names, then the first", () => {
    expect(suggestClosest("total_sales", ["Total Sales", "total sales"])).toBe("total sales");
    expect(suggestClosest("ab", ["A B", "a-b"])).toBe("a-b");
    expect(suggestClosest("ab", ["a b", "a-b"])).toBe("a b");
  });

  it("never suggests the name itself", () => {
    expect(suggestClosest("age", ["age"])).toBeUndefined();
  });

  it("scales the threshold with length", () => {
    expect([1, 2, 3, 5, 6, 9, 12].map(closenessLimit)).toEqual([0, 0, 1, 1, 2, 3, 4]);
  });

  it("stays cheap on long names and large candidate lists", () => {
    const long = "a".repeat(5000);
    const many = Array.from({ length: 20_000 }, (_, i) => `value_${i}`);
    const started = performance.now();
    expect(suggestClosest(long, [long.toUpperCase(), "b".repeat(5000)])).toBe(long.toUpperCase());
    expect(suggestClosest(`${long}x`, ["b".repeat(5000)])).toBeUndefined();
    expect(suggestClosest("VALUE_19999", many)).toBe("value_19999");
    expect(suggestClosest("valu_1", many)).toBeUndefined(); // over the fuzzy cap: exact-after-normalisation only
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
