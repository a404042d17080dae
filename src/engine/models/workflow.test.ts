import { describe, expect, it } from "vitest";
import { frameColumn, initialFrame } from "../frame/frame";
import { buildDesign } from "./build-design";
import { classificationMetrics } from "./classification-metrics";
import { codeDesign } from "./code-design";
import { codeRecords, type PredictionInput } from "./code-records";
import { completeRows } from "./complete-rows";
import type { ModelSpec } from "./design";
import { fitLogisticRegression } from "./fit-logistic-regression";
import { fitOls } from "./fit-ols";
import { allRows, expectClose, fixtureTable, readCases, type FixtureColumn, type FixtureNumber } from "./fixtures/fixture-table";
import { predictClasses } from "./predict-classes";
import { predictLinear } from "./predict-linear";
import { regressionMetrics } from "./regression-metrics";
import { trainTestSplit, type SplitOptions } from "./train-test-split";

interface Metrics { [key: string]: unknown }
type WorkflowCase =
  | {
      id: string; kind: "regression"; columns: FixtureColumn[]; spec: ModelSpec; options: SplitOptions; inputs: PredictionInput[];
      expected: { trainRows: number[]; testRows: number[]; coefficients: Record<string, FixtureNumber>; testPredictions: FixtureNumber[]; metrics: Record<string, FixtureNumber>; inputPredictions: FixtureNumber[] };
    }
  | {
      id: string; kind: "classification"; columns: FixtureColumn[]; spec: ModelSpec; options: SplitOptions; inputs: PredictionInput[];
      expected: {
        coefficients: FixtureNumber[]; names: string[]; defaultConverged: boolean;
        default: { predictions: number[]; metrics: Metrics }; tight: { predictions: number[]; metrics: Metrics };
        inputProbabilities: FixtureNumber[]; inputPredictions: number[];
      };
    };

const cases = readCases<WorkflowCase>("workflow.json");

/** The pipeline a plan runs: complete rows -> split -> fit on train -> code test rows -> predict -> metrics. */
function split(golden: WorkflowCase) {
  const table = fixtureTable(golden.columns);
  const columns = [golden.spec.target, ...golden.spec.predictors.map((p) => p.column)].map((name) => frameColumn(initialFrame(table), name, "test"));
  const rows = completeRows(columns, allRows(table));
  const { train, test } = trainTestSplit(rows.length, golden.options);
  return { table, trainRows: train.map((i) => rows[i]), testRows: test.map((i) => rows[i]) };
}

describe("train/test workflows against scikit-learn", () => {
  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, golden) => {
    const { table, trainRows, testRows } = split(golden);
    if (golden.kind === "regression") {
      const expected = golden.expected;
      expect(Array.from(trainRows)).toEqual(expected.trainRows);
      expect(Array.from(testRows)).toEqual(expected.testRows);
      const design = buildDesign(initialFrame(table), golden.spec, trainRows, "numeric");
      const fit = fitOls(design);
      fit.names.forEach((name, j) => expectClose(fit.coefficients[j], expected.coefficients[name], 1e-9, 0, name));
      const test = codeDesign(initialFrame(table), design.encoding, testRows, true);
      const predictions = predictLinear(fit.coefficients, test.x, test.n);
      expected.testPredictions.forEach((value, i) => expectClose(predictions[i], value, 1e-9, 0, `prediction ${i}`));
      const metrics = regressionMetrics(test.y, predictions);
      for (const [key, value] of Object.entries(expected.metrics)) expectClose(metrics[key as keyof typeof metrics], value, 1e-9, 0, key);
      const inputs = codeRecords(design.encoding, golden.inputs);
      const inputPredictions = predictLinear(fit.coefficients, inputs.x, inputs.n);
      expected.inputPredictions.forEach((value, i) => expectClose(inputPredictions[i], value, 1e-9, 0, `input ${i}`));
      return;
    }
    const expected = golden.expected;
    const design = buildDesign(initialFrame(table), golden.spec, trainRows, "binary");
    const fit = fitLogisticRegression(design);
    expect(fit.names).toEqual(expected.names);
    expected.coefficients.forEach((value, j) => expectClose(fit.coefficients[j], value, 1e-6, 0, fit.names[j]));
    const test = codeDesign(initialFrame(table), design.encoding, testRows, true);
    const predicted = predictClasses(predictLinear(fit.coefficients, test.x, test.n)).classes;
    const reference = expected.defaultConverged ? expected.default : expected.tight;
    expect(Array.from(predicted)).toEqual(reference.predictions);
    const metrics = classificationMetrics(test.y, predicted, fit.classes);
    expect({ ...metrics }).toEqual(reference.metrics);
    const inputs = codeRecords(design.encoding, golden.inputs);
    const scored = predictClasses(predictLinear(fit.coefficients, inputs.x, inputs.n));
    expect(Array.from(scored.classes)).toEqual(expected.inputPredictions);
    expected.inputProbabilities.forEach((value, i) => expectClose(scored.probabilities[i], value, 1e-6, 0, `input ${i}`));
  });
});
