import { failAt, type Arg } from "../compiled";
import { dedupeStrings, stringsOf } from "../vector";
import { expectTypes, literalBoolean, literalNumber, literalString } from "./arguments";
import { failForData } from "./data-errors";
import type { FunctionSpec } from "./function-spec";
import { mapStrings, stringsToNumbers } from "./kernels";
import { codePointLength, pythonReplace, pythonStrip, sliceCodePoints, splitPart } from "./python-text";

/**
 * pandas `.str` methods on object columns, i.e. Python's `str` methods per value; a missing value stays missing
 * (pandas returns NaN for it, also from the true/false tests). Each runs once per distinct string.
 */

function expectString(name: string, args: readonly Arg[], index = 0): void {
  expectTypes(name, args, index, ["string"], "a string");
}

function caseMap(name: "lower" | "upper"): FunctionSpec {
  const lower = name === "lower";
  return {
    name,
    group: "string",
    signature: `${name}(s)`,
    summary: lower
      ? "Lower-case (pandas str.lower = Python str.lower: full Unicode mapping, 'İ' -> 'i̇', final Σ -> ς)."
      : "Upper-case (pandas str.upper = Python str.upper: full Unicode mapping, 'ß' -> 'SS').",
    example: lower ? "lower(Email)" : "upper(Country)",
    minArgs: 1,
    maxArgs: 1,
    compile(args) {
      expectString(name, args);
      return mapStrings(args[0], lower ? (text) => text.toLowerCase() : (text) => text.toUpperCase());
    },
  };
}

const trimFunction: FunctionSpec = {
  name: "trim",
  group: "string",
  signature: "trim(s)",
  summary: "Removes leading and trailing whitespace (pandas str.strip = Python str.strip(): Unicode spaces, tabs, line breaks).",
  example: "trim(Name)",
  minArgs: 1,
  maxArgs: 1,
  compile(args) {
    expectString("trim", args);
    return mapStrings(args[0], pythonStrip);
  },
};

const lenFunction: FunctionSpec = {
  name: "len",
  group: "string",
  signature: "len(s)",
  summary: "Number of characters, counted as Python len / pandas str.len (Unicode code points: an emoji counts 1).",
  example: "len(Name)",
  minArgs: 1,
  maxArgs: 1,
  compile(args) {
    expectString("len", args);
    return stringsToNumbers(args[0], "integer", codePointLength);
  },
};

type TextTest = (text: string, pattern: string) => boolean;

/** contains / starts_with / ends_with: a literal test, case-insensitive as pandas `case=False` (both upper-cased). */
function textTest(name: string, what: string, reference: string, example: string, test: TextTest): FunctionSpec {
  return {
    name,
    group: "string",
    signature: `${name}(s, '${what}', case = true)`,
    summary: `True where s ${reference}; case = false compares upper-cased text as pandas case=False; missing stays missing.`,
    example,
    minArgs: 2,
    maxArgs: 3,
    compile(args) {
      expectString(name, args);
      const pattern = literalString(name, args, 1);
      const caseSensitive = literalBoolean(name, args, 2, true);
      if (caseSensitive) return stringsToNumbers(args[0], "boolean", (text) => +test(text, pattern));
      const upper = pattern.toUpperCase();
      return stringsToNumbers(args[0], "boolean", (text) => +test(text.toUpperCase(), upper));
    },
  };
}

/** Characters replace may produce in one evaluation (32 MB of UTF-16): a longer result is refused, not built. */
export const MAX_REPLACED_TEXT = 1 << 24;

/** Length of Python `text.replace(old, replacement)`, counted before building it. */
function replacedLength(text: string, old: string, replacement: string): number {
  if (old.length === 0) return text.length + (codePointLength(text) + 1) * replacement.length;
  let count = 0;
  for (let at = text.indexOf(old); at >= 0; at = text.indexOf(old, at + old.length)) count++;
  return text.length + count * (replacement.length - old.length);
}

const replaceFunction: FunctionSpec = {
  name: "replace",
  group: "string",
  signature: "replace(s, 'old', 'new')",
  summary: "Replaces every occurrence of the literal text old with new (pandas str.replace(old, new, regex=False) = Python str.replace).",
  example: "replace(Price, ',', '')",
  minArgs: 3,
  maxArgs: 3,
  compile(args) {
    expectString("replace", args);
    const old = literalString("replace", args, 1);
    const replacement = literalString("replace", args, 2);
    const inner = args[0].compiled;
    return {
      type: "string",
      usesRows: inner.usesRows,
      evaluate(context) {
        const { codes, dictionary } = stringsOf(inner.evaluate(context), context.size);
        let total = 0;
        for (const text of dictionary) {
          total += replacedLength(text, old, replacement);
          if (total > MAX_REPLACED_TEXT) failForData("replace", `the result would hold more than ${MAX_REPLACED_TEXT.toLocaleString("en-US")} characters`);
        }
        return dedupeStrings(codes, dictionary.map((text) => pythonReplace(text, old, replacement)));
      },
    };
  },
};

const substringFunction: FunctionSpec = {
  name: "substring",
  group: "string",
  signature: "substring(s, start, stop?)",
  summary: "Characters start..stop-1 as Python s[start:stop] / pandas str.slice (0-based, negative counts from the end, stop omitted: to the end).",
  example: "substring(Code, 0, 3)",
  minArgs: 2,
  maxArgs: 3,
  compile(args) {
    expectString("substring", args);
    const start = literalNumber("substring", args, 1, { integer: true });
    const stop = args.length > 2 ? literalNumber("substring", args, 2, { integer: true }) : undefined;
    return mapStrings(args[0], (text) => sliceCodePoints(text, start, stop));
  },
};

const splitPartFunction: FunctionSpec = {
  name: "split_part",
  group: "string",
  signature: "split_part(s, 'sep', index)",
  summary: "Part number index (0-based, -1 = last) of s split at the literal sep, as pandas str.split(sep, regex=False).str[index]; missing when there is no such part.",
  example: "split_part(Name, ', ', 1)",
  minArgs: 3,
  maxArgs: 3,
  compile(args) {
    expectString("split_part", args);
    const sep = literalString("split_part", args, 1);
    if (sep.length === 0) failAt(args[1].node, "invalid_argument", "split_part needs a non-empty separator (Python refuses an empty one)");
    const index = literalNumber("split_part", args, 2, { integer: true });
    return mapStrings(args[0], (text) => splitPart(text, sep, index));
  },
};

export const STRING_FUNCTIONS: readonly FunctionSpec[] = [
  caseMap("lower"),
  caseMap("upper"),
  trimFunction,
  lenFunction,
  textTest("contains", "text", "contains the literal text (pandas str.contains(text, regex=False))", "contains(Name, 'Mrs.')", (text, pattern) => text.includes(pattern)),
  textTest("starts_with", "prefix", "starts with prefix (pandas str.startswith)", "starts_with(Ticket, 'PC', false)", (text, pattern) => text.startsWith(pattern)),
  textTest("ends_with", "suffix", "ends with suffix (pandas str.endswith)", "ends_with(Email, '.org')", (text, pattern) => text.endsWith(pattern)),
  replaceFunction,
  substringFunction,
  splitPartFunction,
];
