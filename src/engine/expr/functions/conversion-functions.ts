import { readDateTime } from "../../csv/read-token";
import { describeType, failAt, isNumeric, type Compiled } from "../compiled";
import { literalString } from "./arguments";
import { compileDateFormat, parseWithFormat } from "./date-format";
import type { FunctionSpec } from "./function-spec";
import { mapNumbers, stringsToNumbers } from "./kernels";
import { parseNumberText } from "./parse-number-text";

const encoder = new TextEncoder();
const cell = new Float64Array(1);

/** An ISO 8601 text read exactly as the CSV reader reads a datetime cell (naive = UTC, offsets applied). */
function readIsoText(text: string): number {
  const bytes = encoder.encode(text);
  return readDateTime(bytes, 0, bytes.length, cell, 0) ? cell[0] : Number.NaN;
}

const toNumberFunction: FunctionSpec = {
  name: "to_number",
  group: "conversion",
  signature: "to_number(x)",
  summary: "Text to a float: drops , $ € £ ¥ ₹ % and surrounding spaces, then pd.to_numeric(errors='coerce') ('50%' -> 50, 'n/a' -> missing); numbers pass through.",
  example: "to_number(Revenue)",
  minArgs: 1,
  maxArgs: 1,
  compile(args) {
    const type = args[0].compiled.type;
    if (type === "string") return stringsToNumbers(args[0], "float", parseNumberText);
    if (isNumeric(type) || type === "null") return mapNumbers(args[0], type === "float" || type === "null" ? "float" : "integer", (x) => x);
    return failAt(args[0].node, "incompatible_type", `to_number needs text or a number; got ${describeType(type)}`);
  },
};

const toDateFunction: FunctionSpec = {
  name: "to_date",
  group: "conversion",
  signature: "to_date(x, 'format'?)",
  summary: "Text to a UTC datetime: ISO 8601 as CSV columns are read, or a strptime format (%d/%m/%Y, %b %d %Y %I:%M %p, ...) as pd.to_datetime(format=..., errors='coerce', utc=True).",
  example: "to_date(Date, '%d/%m/%Y')",
  minArgs: 1,
  maxArgs: 2,
  compile(args) {
    const type = args[0].compiled.type;
    const format = args.length > 1 ? literalString("to_date", args, 1) : undefined;
    const compiled = format === undefined ? undefined : compileDateFormat(format);
    if (typeof compiled === "string") failAt(args[1].node, "invalid_argument", `to_date cannot use this format: ${compiled}`);
    if (type === "datetime" || type === "null") return mapNumbers(args[0], "datetime", (x) => x);
    if (type !== "string") {
      return failAt(args[0].node, "incompatible_type", `to_date reads text; got ${describeType(type)} (numbers are not read as dates: seconds or milliseconds would be a guess)`);
    }
    const parse = compiled === undefined ? readIsoText : (text: string) => parseWithFormat(compiled, text);
    return stringsToNumbers(args[0], "datetime", parse) satisfies Compiled;
  },
};

export const CONVERSION_FUNCTIONS: readonly FunctionSpec[] = [toNumberFunction, toDateFunction];
