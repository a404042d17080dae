import { EngineError } from "../errors";

/**
 * Runs a step of a test or model and gives a kernel error without a location the plan path it concerns
 * (`errors[]` of the API's answer), e.g. a collinear design at plan.predictors, an unknown level of an input at
 * plan.predict. `path` may depend on the error's code.
 *
 * @example atPath("plan.split", () => trainTestSplit(n, options))
 */
export function atPath<T>(path: string | ((code: string) => string), run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof EngineError && error.details.problems === undefined && error.details.line === undefined) {
      const where = typeof path === "string" ? path : path(error.code);
      throw new EngineError(error.code, error.message, { problems: [{ path: where, code: error.code, message: error.message }] });
    }
    throw error;
  }
}
