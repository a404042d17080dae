import { EngineError } from "../errors";
import type { Column } from "../table/types";
import { categoricalLevels } from "./categorical-levels";
import type { Level } from "./design";

/**
 * The two classes of a binary target over `rows` (missing values excluded), in scikit-learn's `classes_`
 * order (`np.unique`: sorted), so `classes[1]` is the positive class: `true` for a boolean column, the larger
 * value of a numeric column holding exactly two values, the later string by code point for a text column
 * ("no"/"yes" -> "yes", but "Yes"/"no" -> "no", as scikit-learn decides).
 *
 * Throws `invalid_target` for a datetime column, or when the rows hold one class or more than two
 * (scikit-learn would fit a multinomial model; statsmodels' Logit needs 0/1).
 *
 * @example binaryClasses(survivedColumn, rows) // [0, 1]
 */
export function binaryClasses(column: Column, rows: Uint32Array): [Level, Level] {
  if (column.type === "datetime") {
    throw new EngineError("invalid_target", `Column "${column.name}" holds dates; a logistic regression needs a target with exactly two classes.`);
  }
  const levels = categoricalLevels(column, rows);
  if (levels.length !== 2) {
    const shown = levels.slice(0, 5).map((level) => JSON.stringify(level)).join(", ");
    const found = levels.length === 0 ? "no values" : `${levels.length} distinct value${levels.length === 1 ? "" : "s"} (${shown}${levels.length > 5 ? ", ..." : ""})`;
    throw new EngineError(
      "invalid_target",
      `Column "${column.name}" must hold exactly two classes for a logistic regression; the rows used hold ${found}.`,
    );
  }
  return [levels[0], levels[1]];
}
