import { describe, expect, it } from "vitest";
import { parseCsv } from "../../csv/parse-csv";
import { initialFrame } from "../../frame/frame";
import { applySteps } from "../../steps/apply-steps";

describe("replace's size budget", () => {
  const table = parseCsv(new TextEncoder().encode(`s\n${"a".repeat(60_000)}\n`));
  const derive = (expr: string) => applySteps(initialFrame(table), [{ derive: { name: "r", expr } }]);

  it("refuses a result of more than 2^24 characters before building it", () => {
    expect(() => derive(`replace(s, '', '${"x".repeat(300)}')`)).toThrowError(expect.objectContaining({ code: "invalid_argument" }) as unknown as Error);
  });

  it("builds results within it", () => {
    const column = derive("replace(s, 'aa', 'b')").frame.columns.get("r");
    expect(column?.type === "string" && column.dictionary[0].length).toBe(30_000);
  });
});
