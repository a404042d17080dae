import { describe, expect, it } from "vitest";
import { classificationMetrics } from "./classification-metrics";
import type { Level } from "./design";
import { expectClose, fixtureNumber, readFixture, type FixtureNumber } from "./fixtures/fixture-table";
import { regressionMetrics } from "./regression-metrics";

type MetricsCase =
  | { id: string; kind: "regression"; yTrue: FixtureNumber[]; yPred: FixtureNumber[]; expected: Record<string, FixtureNumber> }
  | {
      id: string;
      kind: "classification";
      classes: [Level, Level];
      yTrue: number[];
      yPred: number[];
      expected: { n: number; accuracy: number; precision: number; recall: number; f1: number; labels: Level[]; confusionMatrix: number[][] };
    };

const cases = readFixture<MetricsCase[]>("metrics.json");

describe("scikit-learn 1.2 metrics", () => {
  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    if (golden.kind === "regression") {
      const metrics = regressionMetrics(Float64Array.from(golden.yTrue, fixtureNumber), Float64Array.from(golden.yPred, fixtureNumber));
      for (const key of ["n", "r2", "mse", "rmse", "mae"] as const) expectClose(metrics[key], golden.expected[key], 1e-12, 1e-15, key);
      return;
    }
    const metrics = classificationMetrics(golden.yTrue, golden.yPred, golden.classes);
    const { labels, confusionMatrix, ...scalars } = golden.expected;
    expect(metrics.labels).toEqual(labels);
    expect(metrics.confusionMatrix).toEqual(confusionMatrix);
    for (const [key, value] of Object.entries(scalars)) expectClose(metrics[key as keyof typeof scalars], value, 1e-15, 0, key);
  });
});
