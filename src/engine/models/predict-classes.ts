/**
 * Class predictions and probabilities of a binary logistic model from its linear predictor (`predictLinear`):
 * scikit-learn's `predict` picks classes_[1] where the decision value is > 0 (exactly 0 gives classes_[0]),
 * `predict_proba[:, 1]` is expit(η) = 1 / (1 + e^{-η}).
 *
 * @example predictClasses(new Float64Array([-1, 0, 2])) // { classes: Uint8Array [0, 0, 1], probabilities: [0.2689..., 0.5, 0.8807...] }
 */
export function predictClasses(eta: Float64Array): { classes: Uint8Array; probabilities: Float64Array } {
  const n = eta.length;
  const classes = new Uint8Array(n);
  const probabilities = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = eta[i];
    classes[i] = e > 0 ? 1 : 0;
    probabilities[i] = e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e));
  }
  return { classes, probabilities };
}
