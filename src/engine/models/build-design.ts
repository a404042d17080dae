import { EngineError } from "../errors";
import { frameColumn, type Frame } from "../frame/frame";
import type { Column } from "../table/types";
import { binaryClasses } from "./binary-classes";
import { categoricalLevels } from "./categorical-levels";
import { codeCompleteRows } from "./code-design";
import { completeRows } from "./complete-rows";
import type { Design, DesignTerm, Level, ModelSpec, TargetEncoding } from "./design";
import { pythonFloatRepr, pythonIntRepr } from "./python-float-repr";

/**
 * The design matrix of `target ~ predictors` over `rows`, as statsmodels' formula interface builds it
 * (patsy, `missing="drop"`), and the encoding that codes further rows (a test set, prediction inputs) the
 * same way:
 *
 * - rows with a missing target or predictor are dropped;
 * - numeric columns enter as they are (booleans are 0/1 but, as in patsy, coded as a categorical);
 * - string and boolean columns, and numeric ones marked `categorical` (`C(col)`), get treatment coding: one
 *   0/1 column per level except the first (the reference), levels sorted as Python sorts them, named
 *   `col[T.level]` (`C(col)[T.level]` when forced); without an intercept the first categorical term codes every
 *   level (`col[level]`), as patsy does so the model still spans a constant;
 * - column order is patsy's: `Intercept`, categorical terms in the order given, then numeric terms in order;
 * - a predictor listed twice enters once (patsy merges identical terms).
 *
 * `targetKind` "numeric" takes a number or boolean target as it is (OLS); "binary" codes a two-class target
 * 0/1 with scikit-learn's positive class (see `binaryClasses`). Datetime predictors are refused
 * (`incompatible_type`); so is a text or datetime target for OLS (`invalid_target`).
 *
 * @example buildDesign(frame, { target: "mpg", predictors: [{ column: "weight" }, { column: "origin" }], intercept: true }, rows, "numeric").encoding.names
 *   // ["Intercept", "origin[T.japan]", "origin[T.usa]", "weight"]
 */
export function buildDesign(frame: Frame, spec: ModelSpec, rows: Uint32Array, targetKind: "numeric" | "binary"): Design {
  const target = frameColumn(frame, spec.target, "model.target");
  if (targetKind === "numeric" && (target.type === "string" || target.type === "datetime")) {
    throw new EngineError("invalid_target", `Column "${target.name}" holds ${target.type === "string" ? "text" : "dates"}; a linear model needs a numeric target.`);
  }
  const seen = new Set<string>();
  const predictors: Array<{ column: Column; categorical: boolean }> = [];
  spec.predictors.forEach((predictor, index) => {
    const column = frameColumn(frame, predictor.column, `model.predictors[${index}]`);
    if (column.type === "datetime") {
      throw new EngineError("incompatible_type", `Column "${column.name}" holds dates and cannot be a predictor; derive a number from it first.`);
    }
    const categorical = column.type === "string" || column.type === "boolean" || predictor.categorical === true;
    const key = `${categorical ? "C" : "N"}:${column.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    predictors.push({ column, categorical });
  });
  const used = completeRows([target, ...predictors.map((predictor) => predictor.column)], rows);

  const terms: DesignTerm[] = [];
  const termColumns: Column[] = [];
  for (const { column, categorical } of predictors) {
    if (!categorical) continue;
    const levels = categoricalLevels(column, used);
    const full = !spec.intercept && terms.length === 0;
    const forced = column.type !== "string" && column.type !== "boolean";
    const label = forced ? `C(${column.name})` : column.name;
    const format = levelFormat(column, forced);
    const names = (full ? levels : levels.slice(1)).map((level) => `${label}[${full ? "" : "T."}${format(level)}]`);
    terms.push({ kind: "categorical", column: column.name, levels, full, names, forced });
    termColumns.push(column);
  }
  for (const { column, categorical } of predictors) {
    if (categorical) continue;
    terms.push({ kind: "numeric", column: column.name, name: column.name });
    termColumns.push(column);
  }
  const names = spec.intercept ? ["Intercept"] : [];
  for (const term of terms) {
    if (term.kind === "numeric") names.push(term.name);
    else names.push(...term.names);
  }
  const targetEncoding: TargetEncoding =
    targetKind === "binary"
      ? { column: target.name, kind: "binary", classes: binaryClasses(target, used) }
      : { column: target.name, kind: "numeric" };
  return codeCompleteRows({ intercept: spec.intercept, terms, names, target: targetEncoding }, termColumns, target, used);
}

/** patsy prints a level with `repr` of the pandas value: text as it is, True/False, int64 as `4`, float64 as `4.0`. */
function levelFormat(column: Column, forced: boolean): (level: Level) => string {
  if (!forced) return (level) => (typeof level === "boolean" ? (level ? "True" : "False") : String(level));
  // pandas reads an integer column holding a missing value as float64; the dtype is the whole column's.
  let int64 = column.type === "integer";
  if (int64 && column.type !== "string") {
    const values = column.values;
    for (let i = 0; i < values.length && int64; i++) if (values[i] !== values[i]) int64 = false;
  }
  return (level) => (int64 ? pythonIntRepr(Number(level)) : pythonFloatRepr(Number(level)));
}
