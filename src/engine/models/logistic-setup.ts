import type { ColumnScaling } from "./column-scaling";
import type { Design } from "./design";
import type { NewtonOptimum } from "./newton-logistic";

/**
 * Newton's starting point: all coefficients 0 except the intercept at log(ȳ / (1 - ȳ)), the unpenalised
 * optimum of the intercept-only model, which saves the first iterations their distance from it.
 *
 * @example startingPoint(design, scaling)[0] // logit of the positive share, in scaled units
 */
export function startingPoint(design: Design, scaling: ColumnScaling): Float64Array {
  const theta = new Float64Array(design.p);
  if (design.encoding.intercept && design.n > 0) {
    let positives = 0;
    for (let i = 0; i < design.n; i++) positives += design.y[i];
    const share = positives / design.n;
    if (share > 0 && share < 1) theta[0] = Math.log(share / (1 - share)) / scaling.scale[0];
  }
  return theta;
}

/**
 * Coefficients of the original design columns from the optimum in scaled, centred units:
 * b_j = θ_j s_j and, with an intercept, a = θ_0 s_0 - Σ b_j c_j.
 *
 * @example originalCoefficients(design, scaling, optimum)
 */
export function originalCoefficients(design: Design, scaling: ColumnScaling, optimum: NewtonOptimum): number[] {
  const { shift, scale } = scaling;
  const b = Array.from(optimum.theta, (theta, j) => theta * scale[j]);
  if (design.encoding.intercept) for (let j = 1; j < design.p; j++) b[0] -= b[j] * shift[j];
  return b;
}
