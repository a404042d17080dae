/**
 * Recursive comparison of an engine result with a golden one: the same keys in objects (order ignored), the
 * same lengths in arrays, equal strings/booleans/nulls, and numbers within a relative tolerance (absolute
 * near zero). Returns the differences as readable paths, empty when equal.
 *
 * @example compareResult({ value: 1 }, { value: 1 + 1e-12 }) // []
 */
export interface Tolerance {
  relative: number;
  absolute: number;
}

export const GOLDEN_TOLERANCE: Tolerance = { relative: 1e-9, absolute: 1e-12 };

export function compareResult(actual: unknown, expected: unknown, tolerance: Tolerance = GOLDEN_TOLERANCE, path = "result"): string[] {
  if (typeof expected === "number" && typeof actual === "number") {
    const scale = Math.max(Math.abs(actual), Math.abs(expected));
    const ok = Math.abs(actual - expected) <= Math.max(tolerance.relative * scale, tolerance.absolute);
    return ok ? [] : [`${path}: ${actual} != ${expected} (rel ${(Math.abs(actual - expected) / scale).toExponential(2)})`];
  }
  if (expected === null || typeof expected !== "object") {
    return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: not an array`];
    if (actual.length !== expected.length) return [`${path}: length ${actual.length} != ${expected.length}`];
    return expected.flatMap((item, i) => compareResult(actual[i], item, tolerance, `${path}[${i}]`));
  }
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return [`${path}: not an object`];
  const actualKeys = Object.keys(actual).sort();
  const expectedKeys = Object.keys(expected).sort();
  if (actualKeys.join("\u0000") !== expectedKeys.join("\u0000")) {
    return [`${path}: keys ${JSON.stringify(actualKeys)} != ${JSON.stringify(expectedKeys)}`];
  }
  return expectedKeys.flatMap((key) =>
    compareResult((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], tolerance, `${path}.${key}`),
  );
}
