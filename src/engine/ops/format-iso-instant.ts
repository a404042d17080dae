import { civilFromDays, DAY_MS } from "../dates/civil-calendar";

/** Years whose instants this formats itself; others (negative, past 9999) go through Date, which extends the form. */
const MIN_MS = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const MAX_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

const civil = new Int32Array(3);
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()` (`2024-03-01T00:00:00.000Z`) without a Date object: the civil date from the day number
 * (civil-calendar.ts), then fixed-width fields. Used where thousands of keys are formatted per plan (group keys of
 * datetime columns and calendar periods). Outside years 0000-9999 it defers to Date (`+010000-...`).
 *
 * @example formatIsoInstant(Date.UTC(2024, 1, 29, 13, 5, 7, 9)) // "2024-02-29T13:05:07.009Z"
 */
export function formatIsoInstant(ms: number): string {
  if (!(ms >= MIN_MS && ms <= MAX_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  civilFromDays(days, civil);
  const year = civil[0];
  const month = civil[1];
  const day = civil[2];
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  const y = year < 10 ? `000${year}` : year < 100 ? `00${year}` : year < 1000 ? `0${year}` : `${year}`;
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(milli)}Z`;
}
