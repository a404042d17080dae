import { EngineError } from "../errors";
import { choleskySolve } from "./cholesky-solve";

export interface NewtonOptions {
  /** Penalty weight per column in scaled units (objective + ½ Σ λ_j θ_j²); 0 leaves a column unpenalised. */
  penalty: Float64Array;
  /** statsmodels' Logit: stop with `perfect_separation` when the fitted probabilities equal y (within 1e-8). */
  refuseSeparation: boolean;
  maxIterations: number;
}

export interface NewtonOptimum {
  /** Coefficients of the preconditioned columns Z[:, j] = (x_j - shift_j) scale_j. */
  theta: Float64Array;
  /** Linear predictor Zθ for each row. */
  eta: Float64Array;
  iterations: number;
  converged: boolean;
}

/** Rows folded per accumulation block: partial sums per block keep the gradient's rounding at ~(256 + n/256) eps. */
const BLOCK = 256;
/** A full step is taken once the Newton decrement is this small: inside the region of quadratic convergence. */
const FULL_STEP_DECREMENT = 0.0625;
const STEP_TOLERANCE = 1e-10;

/**
 * Minimises the (optionally L2-penalised) logistic negative log-likelihood
 *
 *   f(θ) = Σ_i [log(1 + e^{η_i}) - y_i η_i] + ½ Σ_j λ_j θ_j²,   η = Zθ,
 *
 * by Newton's method: g = Zᵀ(μ - y) + Λθ, H = Zᵀ diag(μ(1-μ)) Z + Λ, H δ = -g by Cholesky, with
 * backtracking (Armijo, halving) while the Newton decrement gᵀH⁻¹g is large and full steps once inside the
 * quadratic region. Newton converges quadratically, so stopping when a step is below 1e-10 of the
 * coefficients leaves an error ~1e-20 relative; quasi-Newton L-BFGS (scikit-learn's default) converges
 * linearly and stops at its gradient tolerance, which is why the engine reaches the optimum that
 * scikit-learn's `tol=1e-12` and statsmodels' Newton reach. Each iteration is one pass over the rows for
 * g and H (O(n p²)) plus one per line-search trial; Z is never formed.
 *
 * Without a penalty the minimum may not exist (separation): with `refuseSeparation` the statsmodels check
 * (all |μ_i - y_i| <= 1e-8, complete separation) stops early, and a run that has not converged after
 * `maxIterations` (quasi-complete separation: coefficients drifting to infinity) ends with converged = false.
 *
 * @example newtonLogistic(columns, n, y, shift, scale, new Float64Array(p), { penalty, refuseSeparation: false, maxIterations: 100 }).theta
 */
export function newtonLogistic(
  columns: readonly Float64Array[],
  n: number,
  y: Float64Array,
  shift: Float64Array,
  scale: Float64Array,
  theta0: Float64Array,
  options: NewtonOptions,
): NewtonOptimum {
  const p = columns.length;
  const lambda = options.penalty;
  const theta = theta0.slice();
  const eta = new Float64Array(n);
  linearPredictor(columns, n, shift, scale, theta, eta);
  let f = objective(eta, y, n, theta, lambda);
  const g = new Float64Array(p);
  const h = new Float64Array(p * p);
  // One block of rows at a time, column by column: the block's Z (p x BLOCK), weights, residuals and w·z_j, so
  // every entry of g and H is a dot product over contiguous values summed in a register, in row order (the
  // same sums, in the same order, as adding row by row into per-block partials).
  const zb = new Float64Array(p * BLOCK);
  const wb = new Float64Array(BLOCK);
  const rb = new Float64Array(BLOCK);
  const wz = new Float64Array(BLOCK);
  const direction = new Float64Array(n);
  const trialEta = new Float64Array(n);
  const trial = new Float64Array(p);
  for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
    g.fill(0);
    h.fill(0);
    for (let start = 0; start < n; start += BLOCK) {
      const m = Math.min(n, start + BLOCK) - start;
      for (let j = 0; j < p; j++) {
        const column = columns[j];
        const c = shift[j];
        const s = scale[j];
        const base = j * BLOCK;
        for (let t = 0; t < m; t++) zb[base + t] = (column[start + t] - c) * s;
      }
      for (let t = 0; t < m; t++) {
        const e = eta[start + t];
        const a = Math.exp(-Math.abs(e));
        wb[t] = a / ((1 + a) * (1 + a));
        // μ - y with relative accuracy: μ = expit(η), 1 - μ = expit(-η).
        const mu = e >= 0 ? 1 / (1 + a) : a / (1 + a);
        rb[t] = y[start + t] === 1 ? -(e >= 0 ? a / (1 + a) : 1 / (1 + a)) : mu;
      }
      for (let j = 0; j < p; j++) {
        const bj = j * BLOCK;
        let gj = 0;
        for (let t = 0; t < m; t++) {
          const zj = zb[bj + t];
          gj += rb[t] * zj;
          wz[t] = wb[t] * zj;
        }
        g[j] += gj;
        for (let k = j; k < p; k++) {
          const bk = k * BLOCK;
          let hjk = 0;
          for (let t = 0; t < m; t++) hjk += wz[t] * zb[bk + t];
          h[j * p + k] += hjk;
        }
      }
    }
    for (let j = 0; j < p; j++) {
      g[j] += lambda[j] * theta[j];
      h[j * p + j] += lambda[j];
      for (let k = 0; k < j; k++) h[j * p + k] = h[k * p + j];
    }
    const delta = choleskySolve(h, p, g);
    if (delta === null) return { theta, eta, iterations: iteration, converged: false };
    let decrement = 0;
    for (let j = 0; j < p; j++) {
      delta[j] = -delta[j];
      decrement -= g[j] * delta[j];
    }
    linearPredictor(columns, n, shift, scale, delta, direction);
    let step = 1;
    let fTrial = Number.NaN;
    let accepted = false;
    for (let halving = 0; halving < 60; halving++) {
      for (let j = 0; j < p; j++) trial[j] = theta[j] + step * delta[j];
      for (let i = 0; i < n; i++) trialEta[i] = eta[i] + step * direction[i];
      fTrial = objective(trialEta, y, n, trial, lambda);
      if (decrement < FULL_STEP_DECREMENT || fTrial <= f - 1e-4 * step * decrement) {
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) return { theta, eta, iterations: iteration, converged: largestRelative(delta, theta) <= 1e-6 };
    const decrease = f - fTrial;
    theta.set(trial);
    eta.set(trialEta);
    f = fTrial;
    if (options.refuseSeparation && fitsPerfectly(eta, y, n)) {
      throw new EngineError(
        "perfect_separation",
        "The predictors separate the two classes perfectly, so the unpenalised maximum-likelihood estimate does not exist (statsmodels raises PerfectSeparationError). Use the penalised logistic regression, or remove the separating predictor.",
      );
    }
    const change = largestRelative(delta, theta);
    // Converged: a full step below 1e-10 (quadratic convergence makes the next one ~1e-20), or, on an
    // ill-conditioned problem whose steps stay at the rounding level of the gradient, a full step that no
    // longer lowers the objective beyond its own rounding.
    const atRounding = decrease <= 8 * Number.EPSILON * Math.abs(f) && change <= 1e-6;
    if (step === 1 && (change <= STEP_TOLERANCE || atRounding)) {
      linearPredictor(columns, n, shift, scale, theta, eta); // drop the drift of the incremental updates
      return { theta, eta, iterations: iteration, converged: true };
    }
  }
  return { theta, eta, iterations: options.maxIterations, converged: false };
}

/** out = Zθ, column by column; each term is computed from the centred value so offsets do not cancel. */
function linearPredictor(columns: readonly Float64Array[], n: number, shift: Float64Array, scale: Float64Array, theta: Float64Array, out: Float64Array): void {
  out.fill(0);
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j];
    const c = shift[j];
    const w = theta[j] * scale[j];
    if (w === 0) continue;
    for (let i = 0; i < n; i++) out[i] += w * (column[i] - c);
  }
}

/** Σ softplus(±η_i) + ½ Σ λ_j θ_j², with log(1 + e^t) evaluated without overflow or cancellation. */
function objective(eta: Float64Array, y: Float64Array, n: number, theta: Float64Array, lambda: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = y[i] === 1 ? -eta[i] : eta[i];
    sum += t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
  }
  for (let j = 0; j < theta.length; j++) sum += 0.5 * lambda[j] * theta[j] * theta[j];
  return sum;
}

function largestRelative(delta: Float64Array, theta: Float64Array): number {
  let largest = 0;
  for (let j = 0; j < delta.length; j++) largest = Math.max(largest, Math.abs(delta[j]) / Math.max(1, Math.abs(theta[j])));
  return largest;
}

function fitsPerfectly(eta: Float64Array, y: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const e = y[i] === 1 ? -eta[i] : eta[i];
    // |μ - y| = expit(e) for the row's class; > 1e-8 means this row is not fitted perfectly.
    if (1 / (1 + Math.exp(-e)) > 1e-8) return false;
  }
  return true;
}
