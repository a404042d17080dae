import type { EngineProblem } from "../errors";
import type { PlanFields } from "../operations/operation";
import type { ColumnIndex } from "../plan/check-columns";
import { makeProblem, quote } from "../plan/plan-problems";
import { suggestClosest } from "../plan/suggest-name";
import type { Predictor, Split } from "./model-params";
import { predictorOf } from "./model-spec";
import { given } from "./plan-values";

/**
 * The model operations' own checks: no predictor twice and the target not among them (`duplicate_column`),
 * a split that can be reproduced (`missing_field` for random_state unless shuffle is false), each `predict`
 * input giving exactly the predictor columns (`missing_field`, `not_applicable`), and for logistic `C` only
 * with penalty l2 and `confidence` only with penalty none (`not_applicable`); with the columns in scope: the
 * predictors exist (`unknown_column`) and are not datetimes (`incompatible_type`; the target's type is the rule
 * table's), and each input value is of its predictor's kind (`uncoercible_value`: a number for a
 * numeric predictor, true/false for a boolean one, text for a text one).
 *
 * @example checkModelPlan("ols", { operation: "ols", target_column: "y", predictors: ["x", "x"] })[0].code // "duplicate_column"
 */
export function checkModelPlan(kind: "ols" | "logistic", plan: PlanFields, index?: ColumnIndex): EngineProblem[] {
  const problems: EngineProblem[] = [];
  const predictors = Array.isArray(plan.predictors) ? (plan.predictors as Predictor[]).map(predictorOf) : [];
  const columns = predictors.map((p) => p.column);
  const pathOf = (i: number) => (typeof (plan.predictors as Predictor[])[i] === "string" ? ["predictors", i] : ["predictors", i, "column"]);
  columns.forEach((column, i) => {
    if (columns.indexOf(column) < i) problems.push(makeProblem(pathOf(i), "duplicate_column", `${quote(column)} appears more than once in predictors`));
    else if (column === plan.target_column) problems.push(makeProblem(pathOf(i), "duplicate_column", `${quote(column)} is the target_column; a model cannot predict a column from itself`));
  });
  const split = plan.split as Split | null | undefined;
  if (split !== null && split !== undefined && split.shuffle !== false && split.random_state === undefined) {
    problems.push(makeProblem(["split", "random_state"], "missing_field", "A shuffled split needs random_state (an integer seed, e.g. 42) to be reproducible; or set shuffle to false"));
  }
  const inputs = Array.isArray(plan.predict) ? (plan.predict as Array<Record<string, unknown>>) : [];
  const wanted = new Set(columns);
  inputs.forEach((input, i) => {
    const missing = [...wanted].filter((column) => !Object.hasOwn(input, column));
    if (missing.length > 0) problems.push(makeProblem(["predict", i], "missing_field", `Input ${i + 1} needs a value for every predictor; it has none for ${missing.map((c) => quote(c)).join(", ")}`));
    for (const key of Object.keys(input)) {
      if (!wanted.has(key)) problems.push(makeProblem(["predict", i, key], "not_applicable", `${quote(key)} is not a predictor of this model; remove it (predictors: ${[...wanted].map((c) => quote(c)).join(", ")})`, suggestClosest(key, [...wanted])));
    }
  });
  if (kind === "logistic") {
    const penalised = plan.penalty !== "none";
    if (!penalised && given(plan, "C")) problems.push(makeProblem(["C"], "not_applicable", "C is the strength of the l2 penalty; with penalty none there is none: remove it"));
    if (penalised && given(plan, "confidence")) problems.push(makeProblem(["confidence"], "not_applicable", "confidence sets the intervals of penalty none (statsmodels Logit); the l2 fit has no intervals: remove it or set penalty to none"));
  }
  if (index !== undefined) problems.push(...checkModelColumns(predictors, pathOf, inputs, index));
  return problems;
}

function checkModelColumns(
  predictors: ReadonlyArray<{ column: string; categorical: boolean }>,
  pathOf: (i: number) => PropertyKey[],
  inputs: ReadonlyArray<Record<string, unknown>>,
  index: ColumnIndex,
): EngineProblem[] {
  const problems: EngineProblem[] = [];
  const kinds = new Map<string, "number" | "boolean" | "string">();
  predictors.forEach(({ column }, i) => {
    const type = index.types.get(column);
    if (type === undefined) {
      problems.push(makeProblem(pathOf(i), "unknown_column", `No column named ${quote(column)}`, suggestClosest(column, index.names)));
    } else if (type === "datetime") {
      problems.push(makeProblem(pathOf(i), "incompatible_type", `${quote(column)} holds dates and cannot be a predictor; derive a number from it first (e.g. year(${column}))`));
    } else {
      kinds.set(column, type === "string" ? "string" : type === "boolean" ? "boolean" : "number");
    }
  });
  inputs.forEach((input, i) => {
    for (const [column, kindOf] of kinds) {
      if (!Object.hasOwn(input, column)) continue;
      const value = input[column];
      if (typeof value !== kindOf) {
        const wants = kindOf === "number" ? "a number" : kindOf === "boolean" ? "true or false" : "a text value";
        problems.push(makeProblem(["predict", i, column], "uncoercible_value", `${quote(column)} takes ${wants}; got ${JSON.stringify(value)}`));
      }
    }
  });
  return problems;
}
