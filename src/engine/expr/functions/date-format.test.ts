import { describe, expect, it } from "vitest";
import { compileDateFormat, parseWithFormat, type DateFormat } from "./date-format";

/** Epoch ms of a UTC civil time (Date.UTC, independent of the matcher). */
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);

function parse(format: string, text: string): number {
  const compiled = compileDateFormat(format);
  if (typeof compiled === "string") throw new Error(compiled);
  return parseWithFormat(compiled as DateFormat, text);
}

describe("compileDateFormat", () => {
  it.each([
    ["%Q", "%Q is not a supported directive"],
    ["%Y-%", "lone %"],
    ["%d %d", "%d appears twice"],
    ["% d", "is not a supported directive"],
  ])("refuses %s", (format, message) => {
    expect(compileDateFormat(format)).toContain(message);
  });
});

describe("parseWithFormat (pandas array_strptime rules)", () => {
  it.each<[string, string, number]>([
    ["%d/%m/%Y", "31/12/2023", utc(2023, 12, 31)],
    ["%d/%m/%Y", " 3/4/2024", utc(2024, 4, 3)],
    ["%m%d", "1112", utc(1900, 11, 12)],
    ["%H%M", "123", utc(1900, 1, 1, 12, 3)],
    ["%y", "68", utc(2068, 1, 1)],
    ["%y", "69", utc(1969, 1, 1)],
    ["%b %d %Y %I:%M %p", "jan 5 2024 12:00 AM", utc(2024, 1, 5, 0, 0)],
    ["%b %d %Y %I:%M %p", "FEB 29 2024 12:30 pm", utc(2024, 2, 29, 12, 30)],
    ["%B %d, %Y", "SEPTEMBER 01, 2024", utc(2024, 9, 1)],
    ["%a, %d %b %Y", "Fri, 05 Jan 2024", utc(2024, 1, 5)],
    ["%Y-%m-%dT%H:%M:%S", "2024-01-05t10:30:15", utc(2024, 1, 5, 10, 30, 15)],
    ["%Y-%j", "2024-060", utc(2024, 2, 29)],
    ["%Y-%j", "2023-366", utc(2024, 1, 1)],
    ["%H:%M:%S", "23:59:60", utc(1900, 1, 2)],
    ["%S.%f", "01.123456789", utc(1900, 1, 1, 0, 0, 1, 123)],
    ["%Y-%m-%d %H:%M%z", "2024-01-05 10:00+05:30", utc(2024, 1, 5, 4, 30)],
    ["%Y-%m-%d %H:%M%z", "2024-01-05 10:00-0130", utc(2024, 1, 5, 11, 30)],
    ["%Y-%m-%d %H:%M%z", "2024-01-05 10:00Z", utc(2024, 1, 5, 10)],
    ["%Y-%m-%d %H:%M%z", "2024-01-05 10:00+01:30:45.5", utc(2024, 1, 5, 8, 30)],
    ["%d %b", "05 \t\u3000Jan", utc(1900, 1, 5)],
    ["%Y%%%m", "2024%07", utc(2024, 7, 1)],
    ["%Y", "٢٠٢٤", utc(2024, 1, 1)],
    ["%Y-%m-%d", "２０２４-01-05", utc(2024, 1, 5)],
    ["%Y-%m-%d %H:%M", "𝟚𝟘𝟚𝟜-01-05 1٣:4٥", utc(2024, 1, 5, 13, 45)],
  ])("%s reads %j", (format, text, expected) => {
    expect(parse(format, text)).toBe(expected);
  });

  it.each<[string, string]>([
    ["%d/%m/%Y", "29/02/2023"],
    ["%d/%m/%Y", "31/12/2023 extra"],
    ["%d/%m/%Y", "3/ 4/2024"],
    ["%d/%m/%Y", "00/01/2024"],
    ["%Y-%m-%d", "0000-01-01"],
    ["%b %d %Y", "Sept 01 2024"],
    ["%I:%M %p", "13:04 PM"],
    ["%Y-%m-%d %H:%M%z", "2024-01-05 10:00z"],
    ["%Y-%m-%d %H:%M%z", "2024-01-05 10:00+24:00"],
    ["%Y-%m-%d %H:%M%z", "2024-01-05 10:00+01:3045"],
    ["%Y", "NaT"],
    ["%d/%m/%Y", "٠٣/٠٤/٢٠٢٤"],
  ])("%s does not read %j", (format, text) => {
    expect(parse(format, text)).toBeNaN();
  });
});
