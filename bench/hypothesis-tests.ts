/**
 * Timing of the hypothesis-test kernels on the sizes the Worker must handle, against scipy 1.10 on the same
 * values in the same run; run by hand, not by `npm run bench`:
 *
 *   npx tsx bench/hypothesis-tests.ts
 *
 * Each line gives the fastest and the median of repeated runs after a warm-up, in milliseconds (on a shared
 * machine the fastest run is the better measure of the work itself), for the engine and for scipy. Data: seeded
 * pseudo-random normals (Box-Muller over the benchmark's generator), handed to scipy as raw float64 files;
 * 145,000 rows split into 8 groups of unequal size, as a grouping column would give them.
 */
import { kendallTau } from "../src/engine/hypothesis/kendall-tau.js";
import { kolmogorovSmirnovNormal } from "../src/engine/hypothesis/kolmogorov-smirnov-normal.js";
import { kruskalWallis } from "../src/engine/hypothesis/kruskal-wallis.js";
import { levene } from "../src/engine/hypothesis/levene.js";
import { mannWhitneyU } from "../src/engine/hypothesis/mann-whitney-u.js";
import { normalTest } from "../src/engine/hypothesis/normal-test.js";
import { oneWayAnova } from "../src/engine/hypothesis/one-way-anova.js";
import { shapiroWilk } from "../src/engine/hypothesis/shapiro-wilk.js";
import { tTestIndependent } from "../src/engine/hypothesis/t-test-independent.js";
import { createRandom } from "./datasets.js";
import { startPythonReference, writeTempFile } from "./python-reference.js";
import { ratio, timeRuns, type Timing } from "./timing.js";

function normals(n: number, seed: number, mean = 0, sd = 1): Float64Array {
  const uniform = createRandom(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = mean + sd * Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  return out;
}

const ROWS = 145_000;
const SHARES = [0.3, 0.2, 0.15, 0.1, 0.1, 0.07, 0.05, 0.03];
const groups = SHARES.map((share, g) => normals(Math.round(share * ROWS), 11 + g, 30 + g * 0.1, 10 + g));
const half = Math.floor(ROWS / 2);
const all = normals(ROWS, 99, 30, 10);
const first = all.subarray(0, half);
const second = all.subarray(half);
const sample5000 = normals(5000, 5);

// scipy reads the very same values: the 8 groups, then all rows, then the 5,000-value sample.
const files = [...groups, all, sample5000].map((values, i) => writeTempFile(`values-${i}.f64`, values));
const scipy = startPythonReference(
  `from scipy import stats
arrays = [np.fromfile(path, dtype=np.float64) for path in sys.argv[1:]]
groups, values, sample = arrays[:8], arrays[8], arrays[9]
first, second = values[:${half}], values[${half}:]`,
  files,
);

const show = (t: Timing | null) => (t === null ? "n/a" : `min ${t.fastest.toFixed(2).padStart(7)} ms   median ${t.median.toFixed(2).padStart(7)} ms`);

async function time(label: string, work: () => unknown, reference: string, runs = 30): Promise<void> {
  const engine = timeRuns(work, { runs });
  const python = await scipy.time(reference, { runs });
  console.log(`${label.padEnd(48)} ${show(engine)}   scipy ${show(python)}   ratio (fastest) ${ratio(engine.fastest, python?.fastest)}`);
}

await time("shapiroWilk n=5000", () => shapiroWilk(sample5000, 5000), "stats.shapiro(sample)");
await time("tTestIndependent Welch 145,000 rows (2 groups)", () => tTestIndependent(first, first.length, second, second.length, false), "stats.ttest_ind(first, second, equal_var=False)");
await time("oneWayAnova 145,000 rows, 8 groups", () => oneWayAnova(groups), "stats.f_oneway(*groups)");
await time("levene (median) 145,000 rows, 8 groups", () => levene(groups), "stats.levene(*groups)");
await time("kruskalWallis 145,000 rows, 8 groups", () => kruskalWallis(groups), "stats.kruskal(*groups)");
await time("mannWhitneyU 145,000 rows (2 groups)", () => mannWhitneyU(first, first.length, second, second.length), "stats.mannwhitneyu(first, second)");
await time("kolmogorovSmirnovNormal n=145,000", () => kolmogorovSmirnovNormal(all, ROWS), 'stats.kstest(values, "norm", args=stats.norm.fit(values))');
await time("normalTest n=145,000", () => normalTest(all, ROWS), "stats.normaltest(values)");
await time("kendallTau n=145,000", () => kendallTau(first, second.subarray(0, first.length), first.length), "stats.kendalltau(first, second[: len(first)])", 10);
scipy.close();
