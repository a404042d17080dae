// A small seeded CSV for the browser tests: every column type, a few missing values, and a column whose name
// and values look like HTML (they must reach the page as text).

/** Park-Miller minimal standard generator: the same rows on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

export function salesCsv(rows = 240): string {
  const next = random(20261206);
  const regions = ["east", "west", "north", "south"];
  const lines = ["region,amount,units,day,returning,<b>note</b>"];
  for (let i = 0; i < rows; i++) {
    const region = regions[Math.floor(next() * regions.length)];
    const amount = i % 37 === 5 ? "" : (20 + next() * 80 + (region === "east" ? 15 : 0)).toFixed(2);
    const units = 1 + Math.floor(next() * 12);
    const day = new Date(Date.UTC(2026, 0, 1 + (i % 60))).toISOString().slice(0, 10);
    const returning = next() < 0.4 ? "true" : "false";
    const note = i % 3 === 0 ? "<img src=x onerror=alert(1)>" : i % 3 === 1 ? "plain" : '"quoted, with comma"';
    lines.push([region, amount, units, day, returning, note].join(","));
  }
  return `${lines.join("\n")}\n`;
}
