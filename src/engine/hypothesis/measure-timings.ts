/**
 * Hand-run timing of the hypothesis-test kernels on the sizes the Worker must handle (not a test: timings
 * depend on the machine). Run:
 *
 *   npx tsx src/engine/hypothesis/measure-timings.ts
 *   /usr/bin/python3 scripts/golden/hypothesis.py --timing      (scipy 1.10 on the same work, same sizes)
 *
 * Each line gives the fastest and the median of repeated runs after a warm-up, in milliseconds (on a shared
 * machine the fastest run is the better measure of the work itself). Data: seeded pseudo-random
 * normals (Box-Muller over mulberry32); 145,000 rows split into 8 groups of unequal size, as a grouping
 * column would give them.
 */
import { kendallTau } from "./kendall-tau";
import { kolmogorovSmirnovNormal } from "./kolmogorov-smirnov-normal";
import { kruskalWallis } from "./kruskal-wallis";
import { levene } from "./levene";
import { mannWhitneyU } from "./mann-whitney-u";
import { normalTest } from "./normal-test";
import { oneWayAnova } from "./one-way-anova";
import { shapiroWilk } from "./shapiro-wilk";
import { tTestIndependent } from "./t-test-independent";

function normals(n: number, seed: number, mean = 0, sd = 1): Float64Array {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mean + sd * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return out;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(label: string, work: () => unknown, repeats = 30): void {
  work();
  const runs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    work();
    runs.push(performance.now() - start);
  }
  const fastest = Math.min(...runs);
  console.log(`${label.padEnd(48)} min ${fastest.toFixed(2).padStart(7)} ms   median ${median(runs).toFixed(2).padStart(7)} ms`);
}

const ROWS = 145_000;
const SHARES = [0.3, 0.2, 0.15, 0.1, 0.1, 0.07, 0.05, 0.03];
const groups = SHARES.map((share, g) => normals(Math.round(share * ROWS), 11 + g, 30 + g * 0.1, 10 + g));
const half = Math.floor(ROWS / 2);
const all = normals(ROWS, 99, 30, 10);
const first = all.subarray(0, half);
const second = all.subarray(half);
const sample5000 = normals(5000, 5);

time("shapiroWilk n=5000", () => shapiroWilk(sample5000, 5000));
time("tTestIndependent Welch 145,000 rows (2 groups)", () => tTestIndependent(first, first.length, second, second.length, false));
time("oneWayAnova 145,000 rows, 8 groups", () => oneWayAnova(groups));
time("levene (median) 145,000 rows, 8 groups", () => levene(groups));
time("kruskalWallis 145,000 rows, 8 groups", () => kruskalWallis(groups));
time("mannWhitneyU 145,000 rows (2 groups)", () => mannWhitneyU(first, first.length, second, second.length));
time("kolmogorovSmirnovNormal n=145,000", () => kolmogorovSmirnovNormal(all, ROWS));
time("normalTest n=145,000", () => normalTest(all, ROWS));
time("kendallTau n=145,000", () => kendallTau(first, second.subarray(0, first.length), first.length), 10);
