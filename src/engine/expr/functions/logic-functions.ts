import { compareCodePoints } from "../../ops/compare-code-points";
import { parseIsoDateTime } from "../../plan/coerce-filter-value";
import { describeType, failAt, isNumeric, type Arg, type EvalContext } from "../compiled";
import { dedupeStrings, numbersOf, numberVector, stringsOf, type Value, type ValueType } from "../vector";
import { expectTypes, literalList, ordinal } from "./arguments";
import type { FunctionSpec } from "./function-spec";
import { callTraits, unifyTypes } from "./kernels";

/** Picks, per position, the value of one of several same-typed branches (`pick(p)` gives the branch index, -1 none). */
function selectBranches(type: ValueType, values: readonly Value[], context: EvalContext, pick: (p: number) => number): Value {
  if (type === "string") {
    const parts = values.map((value) => stringsOf(value, context.size));
    const offsets = parts.map((_, i) => parts.slice(0, i).reduce((sum, part) => sum + part.dictionary.length, 0));
    const dictionary = parts.flatMap((part) => part.dictionary);
    const codes = new Int32Array(context.size);
    for (let p = 0; p < codes.length; p++) {
      const branch = pick(p);
      const code = branch < 0 ? -1 : parts[branch].codes[p];
      codes[p] = code < 0 ? -1 : code + offsets[branch];
    }
    return dedupeStrings(codes, dictionary);
  }
  const parts = values.map((value) => numbersOf(value, context.size));
  const out = new Float64Array(context.size);
  for (let p = 0; p < out.length; p++) {
    const branch = pick(p);
    out[p] = branch < 0 ? Number.NaN : parts[branch][p];
  }
  return numberVector(type === "null" ? "float" : (type as "integer" | "float" | "boolean" | "datetime"), out);
}

/** True when the position's value is missing. */
function missingAt(value: Value, p: number): boolean {
  if (value.kind === "scalar") return value.value === null || (typeof value.value === "number" && value.value !== value.value);
  if (value.kind === "string") return value.codes[p] < 0;
  return value.values[p] !== value.values[p];
}

function unifyArgs(name: string, args: readonly Arg[], from: number): ValueType {
  let type: ValueType = "null";
  for (let i = from; i < args.length; i++) {
    const next = unifyTypes(type, args[i].compiled.type);
    if (next === null) {
      failAt(args[i].node, "incompatible_type", `${name}'s values must have one type; the ${ordinal(i)} argument is ${describeType(args[i].compiled.type)}, earlier ones ${describeType(type)}`);
    }
    type = next;
  }
  return type;
}

const notFunction: FunctionSpec = {
  name: "not",
  group: "logic",
  signature: "not(condition)",
  summary: "True where the condition is false (a missing value stays missing).",
  example: "not(Sex == 'male')",
  minArgs: 1,
  maxArgs: 1,
  compile(args) {
    expectTypes("not", args, 0, ["boolean"], "a true/false condition");
    const inner = args[0].compiled;
    return {
      type: "boolean",
      ...callTraits([inner]),
      evaluate(context) {
        const a = numbersOf(inner.evaluate(context), context.size);
        const out = new Float64Array(context.size);
        for (let p = 0; p < out.length; p++) out[p] = a[p] === a[p] ? 1 - a[p] : Number.NaN;
        return numberVector("boolean", out);
      },
    };
  },
};

const ifFunction: FunctionSpec = {
  name: "if",
  group: "logic",
  signature: "if(condition, then, else)",
  summary: "then where the condition is true, else where it is false or missing (numpy where).",
  example: "if(Age < 18, 'child', 'adult')",
  minArgs: 3,
  maxArgs: 3,
  compile(args) {
    expectTypes("if", args, 0, ["boolean"], "a true/false condition");
    const type = unifyArgs("if", args, 1);
    const [condition, then, otherwise] = args.map((arg) => arg.compiled);
    return {
      type,
      ...callTraits([condition, then, otherwise]),
      evaluate(context) {
        const c = numbersOf(condition.evaluate(context), context.size);
        return selectBranches(type, [then.evaluate(context), otherwise.evaluate(context)], context, (p) => (c[p] === 1 ? 0 : 1));
      },
    };
  },
};

const coalesceFunction: FunctionSpec = {
  name: "coalesce",
  group: "logic",
  signature: "coalesce(a, b, ...)",
  summary: "The first of its arguments that is not missing (pandas a.fillna(b)).",
  example: "coalesce(Age, 30)",
  minArgs: 2,
  maxArgs: 8,
  compile(args) {
    const type = unifyArgs("coalesce", args, 0);
    const compiled = args.map((arg) => arg.compiled);
    return {
      type,
      ...callTraits(compiled),
      evaluate(context) {
        const values = compiled.map((arg) => arg.evaluate(context));
        return selectBranches(type, values, context, (p) => values.findIndex((value) => !missingAt(value, p)));
      },
    };
  },
};

function nullTest(name: "is_null" | "not_null"): FunctionSpec {
  const missing = name === "is_null" ? 1 : 0;
  return {
    name,
    group: "logic",
    signature: `${name}(x)`,
    summary: name === "is_null" ? "True where x is missing (pandas isna)." : "True where x is present (pandas notna).",
    example: `${name}(Cabin)`,
    minArgs: 1,
    maxArgs: 1,
    compile(args) {
      const inner = args[0].compiled;
      return {
        type: "boolean",
        ...callTraits([inner]),
        evaluate(context) {
          const value = inner.evaluate(context);
          const out = new Float64Array(context.size);
          for (let p = 0; p < out.length; p++) out[p] = missingAt(value, p) ? missing : 1 - missing;
          return numberVector("boolean", out);
        },
      };
    },
  };
}

const isinFunction: FunctionSpec = {
  name: "isin",
  group: "logic",
  signature: "isin(x, [values])",
  summary: "True where x is one of the listed values; null in the list matches missing values (pandas isin).",
  example: "isin(Embarked, ['C', 'Q'])",
  minArgs: 2,
  maxArgs: 2,
  compile(args) {
    const type = args[0].compiled.type;
    const list = literalList("isin", args, 1, "any");
    const wantsMissing = list.includes(null);
    const inner = args[0].compiled;
    if (type === "string") {
      const wanted = new Set(list.filter((item): item is string => typeof item === "string"));
      if (list.some((item) => typeof item === "number")) failAt(args[1].node, "incompatible_type", "isin on a string column needs quoted strings in its list");
      return {
        type: "boolean",
        ...callTraits([inner]),
        evaluate(context) {
          const { codes, dictionary } = stringsOf(inner.evaluate(context), context.size);
          const hit = dictionary.map((text) => (wanted.has(text) ? 1 : 0));
          const out = new Float64Array(context.size);
          for (let p = 0; p < out.length; p++) out[p] = codes[p] < 0 ? +wantsMissing : hit[codes[p]];
          return numberVector("boolean", out);
        },
      };
    }
    const wanted = new Set(list.flatMap((item) => {
      if (item === null) return [];
      if (type === "datetime" && typeof item === "string") {
        const ms = parseIsoDateTime(item.trim());
        if (ms === null) failAt(args[1].node, "invalid_argument", `'${item}' is not an ISO 8601 date`);
        return [ms];
      }
      if (typeof item !== "number" || !(isNumeric(type) || type === "null")) {
        return failAt(args[1].node, "incompatible_type", `isin on ${describeType(type)} needs ${type === "datetime" ? "quoted ISO dates" : "numbers"} in its list`);
      }
      return [item];
    }));
    return {
      type: "boolean",
      ...callTraits([inner]),
      evaluate(context) {
        const xs = numbersOf(inner.evaluate(context), context.size);
        const out = new Float64Array(context.size);
        for (let p = 0; p < out.length; p++) out[p] = xs[p] !== xs[p] ? +wantsMissing : +wanted.has(xs[p]);
        return numberVector("boolean", out);
      },
    };
  },
};

const betweenFunction: FunctionSpec = {
  name: "between",
  group: "logic",
  signature: "between(x, low, high)",
  summary: "True where low <= x <= high; false where any is missing (pandas between, inclusive both).",
  example: "between(Age, 18, 65)",
  minArgs: 3,
  maxArgs: 3,
  compile(args) {
    const [x, low, high] = args.map((arg) => arg.compiled);
    const isString = x.type === "string";
    for (const i of [1, 2]) {
      let bound = args[i].compiled;
      if (x.type === "datetime" && typeof bound.literal === "string") bound = { ...bound, type: "datetime" };
      const fits = isString ? bound.type === "string" : x.type === "datetime" ? bound.type === "datetime" : isNumeric(bound.type);
      if (!fits) failAt(args[i].node, "incompatible_type", `between's bounds must be comparable with x (${describeType(x.type)}); the ${ordinal(i)} argument is ${describeType(bound.type)}`);
    }
    const toMs = (value: Value): Value => (value.kind === "scalar" && typeof value.value === "string" && x.type === "datetime"
      ? { kind: "scalar", type: "datetime", value: parseIsoDateTime(value.value.trim()) ?? Number.NaN }
      : value);
    return {
      type: "boolean",
      ...callTraits([x, low, high]),
      evaluate(context) {
        const out = new Float64Array(context.size);
        if (isString) {
          const v = stringsOf(x.evaluate(context), context.size);
          const lo = stringsOf(low.evaluate(context), context.size);
          const hi = stringsOf(high.evaluate(context), context.size);
          for (let p = 0; p < out.length; p++) {
            const [a, b, c] = [v.codes[p], lo.codes[p], hi.codes[p]];
            out[p] = a < 0 || b < 0 || c < 0 ? 0 : +(compareCodePoints(lo.dictionary[b], v.dictionary[a]) <= 0 && compareCodePoints(v.dictionary[a], hi.dictionary[c]) <= 0);
          }
        } else {
          const v = numbersOf(x.evaluate(context), context.size);
          const lo = numbersOf(toMs(low.evaluate(context)), context.size);
          const hi = numbersOf(toMs(high.evaluate(context)), context.size);
          for (let p = 0; p < out.length; p++) out[p] = +(lo[p] <= v[p] && v[p] <= hi[p]);
        }
        return numberVector("boolean", out);
      },
    };
  },
};

export const LOGIC_FUNCTIONS: readonly FunctionSpec[] = [
  notFunction, ifFunction, coalesceFunction, nullTest("is_null"), nullTest("not_null"), isinFunction, betweenFunction,
];
