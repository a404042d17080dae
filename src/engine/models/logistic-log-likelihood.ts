import { NeumaierSum } from "../stats/neumaier-sum";

/**
 * The logistic log-likelihood Σ_i [y_i η_i - log(1 + e^{η_i})] = -Σ_i log(1 + e^{-q_i η_i}), q = 2y - 1
 * (statsmodels `Logit.loglike`), with log(1 + e^t) evaluated without overflow or cancellation and the sum
 * compensated ({@link NeumaierSum}), so it is accurate to a few ulps for any n.
 *
 * @example logisticLogLikelihood(new Float64Array([0, 0]), new Float64Array([0, 1]), 2) // -2 log 2
 */
export function logisticLogLikelihood(eta: Float64Array, y: Float64Array, n: number): number {
  const sum = new NeumaierSum();
  for (let i = 0; i < n; i++) {
    const t = y[i] === 1 ? -eta[i] : eta[i];
    sum.add(-(t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t))));
  }
  return sum.value();
}
