// The request mix: which kinds of request the load test sends, in what proportion, and with which plans.
// Everything is drawn from a seeded generator so a run can be replayed with the same --seed.
import { CHANNELS, PRODUCTS, REGIONS } from "./dataset.mjs";
import { pick } from "./random.mjs";

/** Request kinds in report order, with the labels used in the console summary and the markdown table. */
export const KIND_LABELS = {
  execute: "execute (valid plan)",
  execute_invalid: "execute (invalid plan, 422)",
  validate: "validate",
  list: "list datasets",
  get: "get dataset",
};

/** Valid plans of several shapes; `rand` makes the filter values vary. */
export const VALID_PLANS = [
  (r) => ({ operation: "mean", target_column: "amount", filters: [{ column: "region", operator: "==", value: pick(r, REGIONS) }] }),
  (r) => ({ operation: "sum", target_column: "amount", filters: [{ column: "quantity", operator: ">=", value: 1 + Math.floor(r() * 15) }, { column: "returned", operator: "==", value: false }] }),
  (r) => ({ operation: "mean", target_column: "unit_price", group_by: ["region"], filters: [{ column: "day", operator: ">=", value: "2024-0" + (1 + Math.floor(r() * 9)) + "-01" }] }),
  (r) => ({ operation: "count", group_by: ["region", "product"], filters: [{ column: "channel", operator: "!=", value: pick(r, CHANNELS) }] }),
  (r) => ({ operation: pick(r, ["median", "std", "min", "max"]), target_column: pick(r, ["amount", "discount", "quantity"]), group_by: ["channel"] }),
  (r) => ({ operation: "correlation", x_axis: "quantity", y_axis: "amount", method: pick(r, ["pearson", "spearman"]) }),
  (r) => ({ operation: "correlation", x_axis: "unit_price", y_axis: "amount", group_by: ["region"], filters: [{ column: "discount", operator: "<", value: 0.2 }] }),
  (r) => ({ operation: "regression", x_axis: "quantity", y_axis: "amount", filters: [{ column: "product", operator: "==", value: pick(r, PRODUCTS) }] }),
  (r) => ({ operation: "forecast", target_column: "amount", time_column: "day", horizon: 7 + Math.floor(r() * 24) }),
  (r) => ({ operation: "forecast", target_column: "amount", time_column: "day", horizon: 12, forecast_method: "holt", filters: [{ column: "region", operator: "==", value: pick(r, REGIONS) }] }),
];

/** Plans that must fail validation against the dataset (422 invalid_plan, recorded with success=false). */
export const INVALID_PLANS = [
  () => ({ operation: "mean", target_column: "amont" }), // unknown column (with a suggestion)
  () => ({ operation: "median", target_column: "amount", filters: [{ column: "quantity", operator: ">", value: "lots" }] }), // uncoercible
  () => ({ operation: "sum" }), // missing target
  () => ({ operation: "mean", target_column: "amount", colour: "blue" }), // unknown key
  () => ({ operation: "correlation", x_axis: "region", y_axis: "amount" }), // non-numeric axis
  () => ({ operation: "forecast", target_column: "amount", time_column: "day", horizon: 1000 }), // horizon out of range
];

/**
 * The request schedule: kinds with weights, in a seeded order. Built up front (rather than drawn per request)
 * so the sequence does not depend on how the concurrent workers interleave.
 */
export function buildSchedule(count, rand, { invalidRate, users }) {
  // Invalid executes are taken out of the execute share, so --invalid-rate leaves the other kinds' shares alone.
  const weights = [
    ["execute", Math.max(0, 0.7 - invalidRate)],
    ["execute_invalid", invalidRate],
    ["validate", 0.15],
    ["list", 0.1],
    ["get", 0.05],
  ];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const schedule = [];
  for (let i = 0; i < count; i++) {
    let x = rand() * total;
    let kind = weights[weights.length - 1][0];
    for (const [k, w] of weights) {
      if (x < w) { kind = k; break; }
      x -= w;
    }
    schedule.push({ kind, user: Math.floor(rand() * users), variant: rand(), sub: rand() });
  }
  return schedule;
}
