import { EngineError } from "../errors";
import { MAX_DESIGN_CELLS, type DesignEncoding, type Level } from "./design";

/** One input for a prediction: a value per predictor column (text, number or boolean as the column holds). */
export type PredictionInput = Readonly<Record<string, Level | null | undefined>>;

/**
 * Codes prediction inputs with a fitted design's encoding into an m x p column-major matrix for
 * `predictLinear`: numeric predictors take the given number, categorical ones the 0/1 columns of their level.
 * Refused, naming the input and column: a missing or non-finite value or one of the wrong kind
 * (`invalid_prediction_input`), and a level the model was not fitted on (`unknown_category`).
 *
 * @example codeRecords(fit.encoding, [{ weight: 3000, origin: "japan" }]).x
 */
export function codeRecords(encoding: DesignEncoding, inputs: readonly PredictionInput[]): { x: Float64Array; n: number } {
  const n = inputs.length;
  const p = encoding.names.length;
  if (n * p > MAX_DESIGN_CELLS) throw new EngineError("design_too_large", `${n} inputs x ${p} columns exceed ${MAX_DESIGN_CELLS} cells.`);
  const x = new Float64Array(n * p);
  let offset = 0;
  if (encoding.intercept) {
    x.fill(1, 0, n);
    offset = n;
  }
  for (const term of encoding.terms) {
    for (let i = 0; i < n; i++) {
      const value = Object.hasOwn(inputs[i], term.column) ? inputs[i][term.column] : undefined;
      if (value === null || value === undefined) throw invalid(i, term.column, "has no value");
      if (term.kind === "numeric") {
        if (typeof value !== "number" || !Number.isFinite(value)) throw invalid(i, term.column, `needs a finite number, not ${JSON.stringify(value)}`);
        x[offset + i] = value;
        continue;
      }
      const level = term.levels.findIndex((candidate) => candidate === value);
      if (level < 0) {
        const kind = typeof term.levels[0];
        if (term.levels.length > 0 && typeof value !== kind) throw invalid(i, term.column, `needs a ${kind}, not ${JSON.stringify(value)}`);
        const shown = term.levels.slice(0, 10).map((l) => JSON.stringify(l)).join(", ");
        throw new EngineError(
          "unknown_category",
          `Input ${i + 1}: column "${term.column}" has ${JSON.stringify(value)}, a level the model was not fitted on (its levels: ${shown}${term.levels.length > 10 ? ", ..." : ""}).`,
        );
      }
      const shift = term.full ? 0 : 1;
      if (level >= shift) x[offset + (level - shift) * n + i] = 1;
    }
    offset += (term.kind === "numeric" ? 1 : term.names.length) * n;
  }
  return { x, n };
}

function invalid(index: number, column: string, problem: string): EngineError {
  return new EngineError("invalid_prediction_input", `Input ${index + 1}: column "${column}" ${problem}.`);
}
