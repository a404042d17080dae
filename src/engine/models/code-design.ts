import { EngineError } from "../errors";
import { frameColumn, type Frame } from "../frame/frame";
import type { Column } from "../table/types";
import { completeRows } from "./complete-rows";
import { MAX_DESIGN_CELLS, type Design, type DesignEncoding, type Level } from "./design";
import { levelCoder } from "./level-coder";

/**
 * Codes `rows` of the frame with a fitted design's encoding: the same columns, levels and reference levels, so
 * a test set or new data lines up with the coefficients. Rows with a missing predictor (or, when
 * `withTarget`, a missing target) are dropped; `design.rows` lists the rows kept. A categorical value the
 * encoding has no level for is refused (`unknown_category`), as is a target value outside the two classes
 * (`invalid_target`) and an infinite number (`non_finite_value`, as statsmodels and scikit-learn refuse it). Without `withTarget`, `y` is empty and the target column need not exist.
 *
 * @example codeDesign(frame, train.encoding, testRows, true).x
 */
export function codeDesign(frame: Frame, encoding: DesignEncoding, rows: Uint32Array, withTarget: boolean): Design {
  const target = withTarget ? frameColumn(frame, encoding.target.column, "model.target") : undefined;
  const columns = encoding.terms.map((term, index) => frameColumn(frame, term.column, `model.predictors[${index}]`));
  return codeCompleteRows(encoding, columns, target, completeRows(target === undefined ? columns : [target, ...columns], rows));
}

/**
 * codeDesign on rows already known to be complete (buildDesign has just dropped the incomplete ones): the
 * columns of `encoding.terms` in order and the target column (undefined: no y) are passed resolved.
 *
 * @example codeCompleteRows(encoding, columns, target, completeRows([target, ...columns], rows)).x
 */
export function codeCompleteRows(encoding: DesignEncoding, columns: readonly Column[], target: Column | undefined, used: Uint32Array): Design {
  const n = used.length;
  const p = encoding.names.length;
  if (n * p > MAX_DESIGN_CELLS) {
    throw new EngineError("design_too_large", `The model needs ${n} rows x ${p} columns; at most ${MAX_DESIGN_CELLS.toLocaleString("en-US")} cells fit. Use fewer rows, predictors or categories.`);
  }
  const x = new Float64Array(n * p);
  let offset = 0;
  if (encoding.intercept) {
    x.fill(1, 0, n);
    offset = n;
  }
  encoding.terms.forEach((term, t) => {
    const column = columns[t];
    if (term.kind === "numeric") {
      const values = (column as Exclude<Column, { type: "string" }>).values;
      for (let i = 0; i < n; i++) x[offset + i] = values[used[i]];
      checkFinite(x.subarray(offset, offset + n), term.column);
      offset += n;
      return;
    }
    const code = levelCoder(column, term.levels);
    const shift = term.full ? 0 : 1;
    for (let i = 0; i < n; i++) {
      const level = code(used[i]);
      if (level < 0) throw unknownCategory(column, used[i], term.column, term.levels);
      if (level >= shift) x[offset + (level - shift) * n + i] = 1;
    }
    offset += term.names.length * n;
  });
  const y = new Float64Array(target === undefined ? 0 : n);
  if (target !== undefined) {
    if (encoding.target.kind === "numeric") {
      const values = (target as Exclude<Column, { type: "string" }>).values;
      for (let i = 0; i < n; i++) y[i] = values[used[i]];
      checkFinite(y, target.name);
    } else {
      const classes = encoding.target.classes;
      const code = levelCoder(target, classes);
      for (let i = 0; i < n; i++) {
        const level = code(used[i]);
        if (level < 0) {
          throw new EngineError("invalid_target", `Target "${target.name}" holds ${JSON.stringify(cellValue(target, used[i]))}, which is neither class the model was fitted on (${JSON.stringify(classes[0])}, ${JSON.stringify(classes[1])}).`);
        }
        y[i] = level;
      }
    }
  }
  return { encoding, x, y, n, p, rows: used };
}

/** statsmodels ("exog contains inf or nans") and scikit-learn ("Input contains infinity") refuse infinite values. */
function checkFinite(values: Float64Array, name: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new EngineError("non_finite_value", `Column "${name}" holds ${values[i]} in a row the model uses; models need finite numbers (filter the row out first).`);
    }
  }
}

function unknownCategory(column: Column, row: number, name: string, levels: readonly Level[]): EngineError {
  const shown = levels.slice(0, 10).map((level) => JSON.stringify(level)).join(", ");
  return new EngineError(
    "unknown_category",
    `Column "${name}" holds ${JSON.stringify(cellValue(column, row))}, a level the model was not fitted on (its levels: ${shown}${levels.length > 10 ? ", ..." : ""}).`,
  );
}

function cellValue(column: Column, row: number): Level {
  if (column.type === "string") return column.dictionary[column.codes[row]];
  const v = column.values[row];
  return column.type === "boolean" ? v === 1 : v;
}
