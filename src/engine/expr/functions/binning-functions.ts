import { argsortFloat64 } from "../../stats/argsort-float64";
import { failAt, type Arg, type Compiled, type EvalContext } from "../compiled";
import { numbersOf, type StringVector } from "../vector";
import { expectNumeric, literalList, literalNumber } from "./arguments";
import { failForData } from "./data-errors";
import type { FunctionSpec } from "./function-spec";
import { callTraits } from "./kernels";
import { intervalLabels } from "./interval-labels";
import { evenQuantiles, numpyQuantile } from "./numpy-quantile";

/**
 * pandas cut / qcut: a string column of bin labels whose dictionary lists the bins in bin order (all of them,
 * used or not), so a later step can present them in order. Values outside the bins and missing values get a
 * missing label.
 */

const MAX_QUANTILES = 1000;

/** pandas `bins.searchsorted(x, side="left")`: how many edges are below x (NaN: all of them). */
function binIndex(edges: readonly number[], x: number): number {
  if (x !== x) return edges.length;
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (edges[mid] < x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Optional labels: quoted, distinct, one per bin (pandas refuses duplicates and miscounts). */
function labelList(name: string, args: readonly Arg[], index: number, bins: number): string[] | undefined {
  if (args.length <= index) return undefined;
  const labels = literalList(name, args, index, "string") as string[];
  if (labels.length !== bins) failAt(args[index].node, "invalid_argument", `${name} needs one label per bin: ${bins} label${bins === 1 ? "" : "s"}, got ${labels.length}`);
  if (new Set(labels).size !== labels.length) failAt(args[index].node, "invalid_argument", `${name}'s labels must be distinct`);
  return labels;
}

const cutFunction: FunctionSpec = {
  name: "cut",
  group: "binning",
  signature: "cut(x, [edges], [labels]?)",
  summary: "The bin (a, b] of each value for increasing edges, as pandas cut(right=True): values at or below the first edge or above the last are missing; default labels '(0, 18]'.",
  example: "cut(Age, [0, 18, 65, 120], ['child', 'adult', 'senior'])",
  minArgs: 2,
  maxArgs: 3,
  compile(args) {
    expectNumeric("cut", args, 0);
    const edges = literalList("cut", args, 1, "number") as number[];
    const list = args[1].node;
    if (edges.length < 2) failAt(list, "invalid_argument", "cut needs at least two edges, e.g. [0, 18, 65]");
    if (edges.some((edge, i) => i > 0 && edge < edges[i - 1])) failAt(list, "invalid_argument", "cut's edges must increase (pandas: bins must increase monotonically)");
    if (edges.length > 2 && new Set(edges).size < edges.length) failAt(list, "invalid_argument", "cut's edges must be distinct (pandas: Bin edges must be unique)");
    const dictionary = labelList("cut", args, 2, edges.length - 1) ?? intervalLabels(edges, edges.every(Number.isSafeInteger), false);
    const inner = args[0].compiled;
    return {
      type: "string",
      ...callTraits([inner]),
      evaluate(context) {
        const xs = numbersOf(inner.evaluate(context), context.size);
        const codes = new Int32Array(context.size);
        for (let p = 0; p < codes.length; p++) {
          const index = binIndex(edges, xs[p]);
          codes[p] = index === 0 || index === edges.length ? -1 : index - 1;
        }
        return { kind: "string", codes, dictionary, ordered: true };
      },
    };
  },
};

/** The quantile levels: a whole number q (q equal-count bins) or an increasing list within [0, 1]. */
function quantileLevels(args: readonly Arg[]): number[] {
  const node = args[1].node;
  if (node.kind !== "list") return evenQuantiles(literalNumber("qcut", args, 1, { integer: true, min: 1, max: MAX_QUANTILES }));
  const levels = literalList("qcut", args, 1, "number") as number[];
  if (levels.length < 2 || levels.length > MAX_QUANTILES + 1) failAt(node, "invalid_argument", `qcut needs 2 to ${MAX_QUANTILES + 1} quantiles, e.g. [0, 0.5, 1]`);
  if (levels.some((level, i) => level < 0 || level > 1 || (i > 0 && level <= levels[i - 1]))) {
    failAt(node, "invalid_argument", "qcut's quantiles must increase within [0, 1], e.g. [0, 0.25, 0.75, 1]");
  }
  return levels;
}

const qcutFunction: FunctionSpec = {
  name: "qcut",
  group: "binning",
  signature: "qcut(x, q or [quantiles], [labels]?)",
  summary: "Equal-count bins at the quantiles of x (numpy linear), as pandas qcut: q = 4 gives quartiles, the lowest edge included; default labels '(0.999, 2.5]'; per partition when partition_by is given.",
  example: "qcut(Income, 4, ['Q1', 'Q2', 'Q3', 'Q4'])",
  minArgs: 2,
  maxArgs: 3,
  compile(args) {
    expectNumeric("qcut", args, 0);
    const levels = quantileLevels(args);
    const labels = labelList("qcut", args, 2, levels.length - 1);
    const inner = args[0].compiled;
    return {
      type: "string",
      ...callTraits([inner]),
      usesRows: true,
      evaluate: (context) => evaluateQcut(inner, context, levels, labels),
    } satisfies Compiled;
  },
};

/** qcut over each partition: its own quantile edges and, without given labels, its own interval labels. */
function evaluateQcut(inner: Compiled, context: EvalContext, levels: readonly number[], labels: readonly string[] | undefined): StringVector {
  const xs = numbersOf(inner.evaluate(context), context.size);
  const { segments } = context;
  const codes = new Int32Array(context.size).fill(-1);
  const dictionary: string[] = labels === undefined ? [] : [...labels];
  const codeOf = new Map<string, number>(dictionary.map((label, i) => [label, i]));
  for (let s = 0; s + 1 < segments.length; s++) {
    const positions = context.order.subarray(segments[s], segments[s + 1]);
    const gathered = new Float64Array(positions.length);
    let n = 0;
    for (let k = 0; k < positions.length; k++) {
      const x = xs[positions[k]];
      if (x === x) gathered[n++] = x;
    }
    if (n === 0) continue;
    // A radix argsort: several times faster than Float64Array#sort at 10^5 values.
    const order = argsortFloat64(gathered, n);
    const present = new Float64Array(n);
    for (let k = 0; k < n; k++) present[k] = gathered[order[k]];
    const edges = levels.map((level) => numpyQuantile(present, level));
    if (edges.length > 2 && new Set(edges).size < edges.length) {
      failForData("qcut", `the quantile edges [${edges.join(", ")}] are not distinct (many equal values); use fewer quantiles or cut with explicit edges`);
    }
    const binCodes = (labels ?? intervalLabels(edges, false, true)).map((label) => {
      let code = codeOf.get(label);
      if (code === undefined) {
        code = dictionary.push(label) - 1;
        codeOf.set(label, code);
      }
      return code;
    });
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k];
      const x = xs[p];
      const index = x === edges[0] ? 1 : binIndex(edges, x);
      if (index > 0 && index < edges.length) codes[p] = binCodes[index - 1];
    }
  }
  return { kind: "string", codes, dictionary, ordered: true };
}

export const BINNING_FUNCTIONS: readonly FunctionSpec[] = [cutFunction, qcutFunction];
