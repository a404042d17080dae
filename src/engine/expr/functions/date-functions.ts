import { parseIsoDateTime } from "../../plan/coerce-filter-value";
import { describeType, failAt, type Arg, type Compiled } from "../compiled";
import { numbersOf, numberVector } from "../vector";
import { literalString, ordinal } from "./arguments";
import { civilFromDays, DAY_MS, daysFromCivil, weekdayOfDays } from "../../dates/civil-calendar";
import type { FunctionSpec } from "./function-spec";
import { callTraits, mapNumbers } from "./kernels";

/**
 * pandas `.dt` on UTC datetimes (the engine keeps every datetime as epoch milliseconds UTC). Parts are whole
 * numbers (pandas int64, missing where the datetime is missing); calendar arithmetic is integer day-number math.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * A datetime argument: a datetime column or expression, null, or a quoted ISO 8601 date ('2024-01-31'), which
 * is read as that UTC instant (pandas compares and subtracts such strings as Timestamps).
 *
 * @example datetimeArgument("year", args, 0).compiled.literal // 1709164800000 for year('2024-02-29')
 */
export function datetimeArgument(name: string, args: readonly Arg[], index: number): Arg {
  const arg = args[index];
  const compiled = arg.compiled;
  if (compiled.type === "datetime" || compiled.type === "null") return arg;
  if (compiled.type === "string" && typeof compiled.literal === "string") {
    const text = compiled.literal;
    const ms = parseIsoDateTime(text.trim());
    if (ms === null) failAt(arg.node, "invalid_argument", `'${text}' is not an ISO 8601 date or date-time such as '2024-01-31' or '2024-01-31T12:00:00Z'`);
    return { node: arg.node, compiled: { type: "datetime", literal: ms, evaluate: () => ({ kind: "scalar", type: "datetime", value: ms }) } };
  }
  const hint = compiled.type === "string" ? " (to_date(x) reads text as dates)" : "";
  return failAt(arg.node, "incompatible_type", `${name} needs a datetime as its ${ordinal(index)} argument; got ${describeType(compiled.type)}${hint}`);
}

const scratch = new Int32Array(3);
const daysOf = (ms: number) => Math.floor(ms / DAY_MS);

/** ISO 8601 week number: the week (Monday to Sunday) holding the Thursday of this date's week, counted in that Thursday's year. */
function isoWeek(ms: number): number {
  const days = daysOf(ms);
  const thursday = days - weekdayOfDays(days) + 3;
  const year = civilFromDays(thursday, scratch)[0];
  return Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
}

function dayOfYear(ms: number): number {
  const days = daysOf(ms);
  return days - daysFromCivil(civilFromDays(days, scratch)[0], 1, 1) + 1;
}

function datePart(name: string, summary: string, example: string, part: (ms: number) => number): FunctionSpec {
  return {
    name,
    group: "date",
    signature: `${name}(d)`,
    summary,
    example,
    minArgs: 1,
    maxArgs: 1,
    compile(args) {
      return mapNumbers(datetimeArgument(name, args, 0), "integer", (ms) => (ms === ms ? part(ms) : Number.NaN));
    },
  };
}

const UNITS = ["year", "quarter", "month", "week", "day", "hour", "minute"] as const;
type Unit = (typeof UNITS)[number];

/** The start of the unit holding ms (calendar units by day numbers, clock units by flooring). */
function truncate(unit: Unit, ms: number): number {
  switch (unit) {
    case "minute": return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
    case "hour": return Math.floor(ms / HOUR_MS) * HOUR_MS;
    case "day": return daysOf(ms) * DAY_MS;
    case "week": {
      const days = daysOf(ms);
      return (days - weekdayOfDays(days)) * DAY_MS;
    }
    default: {
      const [year, month] = civilFromDays(daysOf(ms), scratch);
      const first = unit === "year" ? 1 : unit === "quarter" ? month - ((month - 1) % 3) : month;
      return daysFromCivil(year, first, 1) * DAY_MS;
    }
  }
}

const dateTruncFunction: FunctionSpec = {
  name: "date_trunc",
  group: "date",
  signature: "date_trunc('unit', d)",
  summary: "The start of d's year, quarter, month, week (Monday 00:00), day, hour or minute, as pandas to_period(...).start_time / dt.floor; a datetime.",
  example: "date_trunc('month', OrderDate)",
  minArgs: 2,
  maxArgs: 2,
  compile(args) {
    const unit = literalString("date_trunc", args, 0, UNITS) as Unit;
    return mapNumbers(datetimeArgument("date_trunc", args, 1), "datetime", (ms) => (ms === ms ? truncate(unit, ms) : Number.NaN));
  },
};

const daysBetweenFunction: FunctionSpec = {
  name: "days_between",
  group: "date",
  signature: "days_between(start, end)",
  summary: "Whole days from start to end, floored (pandas (end - start).dt.days: 23 hours back is -1); dates may be quoted, e.g. '2024-01-01'.",
  example: "days_between(Ordered, Shipped)",
  minArgs: 2,
  maxArgs: 2,
  compile(args) {
    const start = datetimeArgument("days_between", args, 0).compiled;
    const end = datetimeArgument("days_between", args, 1).compiled;
    if (typeof start.literal === "number" && typeof end.literal === "number") {
      const value = Math.floor((end.literal - start.literal) / DAY_MS);
      return { type: "integer", literal: value, evaluate: () => ({ kind: "scalar", type: "integer", value }) };
    }
    return {
      type: "integer",
      ...callTraits([start, end]),
      evaluate(context) {
        const a = numbersOf(start.evaluate(context), context.size);
        const b = numbersOf(end.evaluate(context), context.size);
        const out = new Float64Array(context.size);
        for (let p = 0; p < out.length; p++) out[p] = Math.floor((b[p] - a[p]) / DAY_MS);
        return numberVector("integer", out);
      },
    } satisfies Compiled;
  },
};

export const DATE_FUNCTIONS: readonly FunctionSpec[] = [
  datePart("year", "Calendar year (pandas dt.year).", "year(OrderDate)", (ms) => civilFromDays(daysOf(ms), scratch)[0]),
  datePart("quarter", "Quarter 1-4 (pandas dt.quarter).", "quarter(OrderDate)", (ms) => Math.floor((civilFromDays(daysOf(ms), scratch)[1] - 1) / 3) + 1),
  datePart("month", "Month 1-12 (pandas dt.month).", "month(OrderDate)", (ms) => civilFromDays(daysOf(ms), scratch)[1]),
  datePart("week", "ISO 8601 week 1-53, weeks starting Monday (pandas dt.isocalendar().week: 2021-01-03 is week 53).", "week(OrderDate)", isoWeek),
  datePart("day", "Day of the month 1-31 (pandas dt.day).", "day(OrderDate)", (ms) => civilFromDays(daysOf(ms), scratch)[2]),
  datePart("weekday", "Day of the week, Monday = 0 ... Sunday = 6 (pandas dt.weekday).", "weekday(OrderDate)", (ms) => weekdayOfDays(daysOf(ms))),
  datePart("hour", "Hour 0-23 in UTC (pandas dt.hour).", "hour(Timestamp)", (ms) => Math.floor((ms - daysOf(ms) * DAY_MS) / HOUR_MS)),
  datePart("minute", "Minute 0-59 (pandas dt.minute).", "minute(Timestamp)", (ms) => Math.floor((ms - Math.floor(ms / HOUR_MS) * HOUR_MS) / MINUTE_MS)),
  datePart("day_of_year", "Day of the year 1-366 (pandas dt.dayofyear).", "day_of_year(OrderDate)", dayOfYear),
  dateTruncFunction,
  daysBetweenFunction,
];
