import { compareCodePoints } from "../../ops/compare-code-points";
import type { Compiled } from "../compiled";
import { numberVector, stringsOf } from "../vector";
import { expectNumeric, expectTypes, literalBoolean, literalString } from "./arguments";
import { failForData } from "./data-errors";
import type { FunctionSpec } from "./function-spec";
import { minMaxScale } from "./min-max-scale";
import { mapPartitions } from "./partitions";
import { RANK_METHODS, rankValues, type RankMethod } from "./rank-values";
import { zScores } from "./z-scores";

/**
 * Functions of a whole column: each value is computed from all the frame's rows, or from its partition's rows
 * when the derive step has partition_by (pandas groupby(...).transform).
 */

const zscoreFunction: FunctionSpec = {
  name: "zscore",
  group: "column",
  signature: "zscore(x)",
  summary: "(x - mean) / std over the rows (per partition), population std, missing values ignored: scipy.stats.zscore(x, nan_policy='omit'); constant x -> missing.",
  example: "zscore(Fare)",
  minArgs: 1,
  maxArgs: 1,
  compile(args) {
    expectNumeric("zscore", args, 0);
    return mapPartitions(args[0].compiled, "float", zScores);
  },
};

const minmaxScaleFunction: FunctionSpec = {
  name: "minmax_scale",
  group: "column",
  signature: "minmax_scale(x)",
  summary: "(x - min) / (max - min) over the rows (per partition), as sklearn.preprocessing.minmax_scale: a constant x gives 0; missing values stay missing.",
  example: "minmax_scale(Income)",
  minArgs: 1,
  maxArgs: 1,
  compile(args) {
    expectNumeric("minmax_scale", args, 0);
    return mapPartitions(args[0].compiled, "float", (input, output) => {
      if (input.some((x) => x === Infinity || x === -Infinity)) failForData("minmax_scale", "x contains an infinite value, which scikit-learn refuses");
      minMaxScale(input, output);
    });
  },
};

/** String values as numbers that order like them (by code point, as Python compares), for ranking. */
function codePointOrdinals(inner: Compiled): Compiled {
  return {
    type: "integer",
    evaluate(context) {
      const { codes, dictionary } = stringsOf(inner.evaluate(context), context.size);
      const sorted = dictionary.map((_, code) => code).sort((a, b) => compareCodePoints(dictionary[a], dictionary[b]));
      const ordinal = new Float64Array(dictionary.length);
      for (let k = 1; k < sorted.length; k++) {
        ordinal[sorted[k]] = dictionary[sorted[k]] === dictionary[sorted[k - 1]] ? ordinal[sorted[k - 1]] : k;
      }
      const out = new Float64Array(context.size);
      for (let p = 0; p < out.length; p++) out[p] = codes[p] < 0 ? Number.NaN : ordinal[codes[p]];
      return numberVector("integer", out);
    },
  };
}

const rankFunction: FunctionSpec = {
  name: "rank",
  group: "column",
  signature: "rank(x, 'method' = 'average', ascending = true)",
  summary: "Rank 1..n over the rows (per partition) as pandas rank: ties get the 'average', 'min', 'max', 'first' (order of appearance) or 'dense' rank; missing stays missing.",
  example: "rank(Score, 'dense', false)",
  minArgs: 1,
  maxArgs: 3,
  compile(args) {
    const type = expectTypes("rank", args, 0, ["integer", "float", "boolean", "datetime", "string"], "values to order");
    const method = literalString("rank", args, 1, RANK_METHODS, "average") as RankMethod;
    const ascending = literalBoolean("rank", args, 2, true);
    const values = type === "string" ? codePointOrdinals(args[0].compiled) : args[0].compiled;
    return mapPartitions(values, method === "average" ? "float" : "integer", (input, output) => rankValues(input, output, method, ascending));
  },
};

export const COLUMN_FUNCTIONS: readonly FunctionSpec[] = [zscoreFunction, minmaxScaleFunction, rankFunction];
