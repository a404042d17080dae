import { holtSse, profileHolt } from "./holt-sse";

export interface HoltFit {
  alpha: number;
  beta: number;
  level0: number;
  trend0: number;
  sse: number;
  /** Final level and trend: the forecast is level + h · trend. */
  level: number;
  trend: number;
}

/** Grid points per axis of the (α, β/α) start search. */
const GRID = 21;
const NELDER_MEAD_ITERATIONS = 400;
/** Evaluations of `profileHolt` a fit costs at most (each is ~3 passes over the series); the plan cost uses it. */
export const HOLT_EVALUATIONS = GRID * GRID + NELDER_MEAD_ITERATIONS * 2 + 3;

/**
 * Fits Holt's linear method by least squares, the criterion of statsmodels
 * `Holt(y, initialization_method="estimated").fit()`: minimise the SSE of one-step-ahead errors over
 * α ∈ [0, 1], β ∈ [0, α] (statsmodels' constraint) and the initial level and trend.
 *
 * The initial state is solved exactly for each (α, β) (see `profileHolt`), leaving a 2-D bounded search over
 * (α, f = β/α) ∈ [0, 1]²: a 21×21 grid, then Nelder–Mead from the best grid point with coordinates clamped to
 * the box. statsmodels instead runs SLSQP on all four parameters from a coarser brute-force start, so the two
 * reach the same minimum only up to the optimisers' tolerances; on flat SSE surfaces the parameters can differ
 * visibly while the SSE agrees closely. This fit is never worse than the grid and is deterministic.
 *
 * @example fitHolt(new Float64Array([1, 2, 3, 4, 5])).trend // ≈ 1
 */
export function fitHolt(y: Float64Array): HoltFit {
  const objective = (u: number, f: number): number => profileHolt(y, clamp(u), clamp(u) * clamp(f)).sse;
  let best: [number, number] = [0.5, 0.5];
  let bestValue = Infinity;
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const u = i / (GRID - 1);
      const f = j / (GRID - 1);
      const value = objective(u, f);
      if (value < bestValue) { bestValue = value; best = [u, f]; }
    }
  }
  const [u, f] = nelderMead(objective, best, 0.05);
  const alpha = clamp(u);
  const beta = alpha * clamp(f);
  const { level0, trend0 } = profileHolt(y, alpha, beta);
  const { sse, level, trend } = holtSse(y, alpha, beta, level0, trend0);
  return { alpha, beta, level0, trend0, sse, level, trend };
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Standard Nelder–Mead (reflection 1, expansion 2, contraction ½, shrink ½) in two dimensions. */
function nelderMead(fn: (a: number, b: number) => number, start: [number, number], step: number): [number, number] {
  let simplex: [number, number][] = [start, [start[0] + step, start[1]], [start[0], start[1] + step]];
  let values = simplex.map(([a, b]) => fn(a, b));
  for (let iteration = 0; iteration < NELDER_MEAD_ITERATIONS; iteration++) {
    const order = [0, 1, 2].sort((i, j) => values[i] - values[j]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    if (Math.abs(values[2] - values[0]) <= 1e-15 * Math.abs(values[0]) + 1e-300 &&
        Math.abs(simplex[2][0] - simplex[0][0]) + Math.abs(simplex[2][1] - simplex[0][1]) < 1e-10) break;
    const centroid: [number, number] = [(simplex[0][0] + simplex[1][0]) / 2, (simplex[0][1] + simplex[1][1]) / 2];
    const towards = (t: number): [number, number] => [
      centroid[0] + t * (simplex[2][0] - centroid[0]),
      centroid[1] + t * (simplex[2][1] - centroid[1]),
    ];
    const reflected = towards(-1);
    const reflectedValue = fn(...reflected);
    if (reflectedValue < values[0]) {
      const expanded = towards(-2);
      const expandedValue = fn(...expanded);
      if (expandedValue < reflectedValue) { simplex[2] = expanded; values[2] = expandedValue; }
      else { simplex[2] = reflected; values[2] = reflectedValue; }
    } else if (reflectedValue < values[1]) {
      simplex[2] = reflected; values[2] = reflectedValue;
    } else {
      const contracted = reflectedValue < values[2] ? towards(-0.5) : towards(0.5);
      const contractedValue = fn(...contracted);
      if (contractedValue < Math.min(reflectedValue, values[2])) {
        simplex[2] = contracted; values[2] = contractedValue;
      } else {
        for (const k of [1, 2]) {
          simplex[k] = [(simplex[0][0] + simplex[k][0]) / 2, (simplex[0][1] + simplex[k][1]) / 2];
          values[k] = fn(...simplex[k]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return simplex[best];
}
