// The seeded CSV each load-test user uploads. The value lists are exported because the plans in plans.mjs
// filter on them: a filter value that exists in the data keeps filtered results non-empty.
import { mulberry32, pick } from "./random.mjs";

export const REGIONS = ["north", "south", "east", "west", "central"];
export const PRODUCTS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
export const CHANNELS = ["web", "store", "phone"];
const START_DAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/** A CSV with integer, float (some missing), categorical, boolean and date columns. */
export function generateCsv(seed, rows) {
  const rand = mulberry32(seed);
  const lines = ["order_id,region,product,channel,day,quantity,unit_price,amount,discount,returned"];
  for (let i = 0; i < rows; i++) {
    const region = pick(rand, REGIONS);
    const product = pick(rand, PRODUCTS);
    const day = new Date(START_DAY + Math.floor((i / rows) * 540) * DAY_MS).toISOString().slice(0, 10);
    const quantity = 1 + Math.floor(rand() * 20);
    const unitPrice = Math.round((5 + rand() * 95) * 100) / 100;
    const trend = 1 + i / rows; // a trend for the forecasts
    const amount = Math.round(quantity * unitPrice * trend * (0.9 + rand() * 0.2) * 100) / 100;
    const discount = rand() < 0.1 ? "" : (Math.round(rand() * 30) / 100).toFixed(2);
    const returned = rand() < 0.07 ? "true" : "false";
    lines.push(`${i + 1},${region},${product},${pick(rand, CHANNELS)},${day},${quantity},${unitPrice},${amount},${discount},${returned}`);
  }
  return lines.join("\n") + "\n";
}
