import type { Frame } from "../frame/frame";
import { stepEntry, stepModule } from "./registry";
import type { StepRecord } from "./step";

/**
 * Runs a plan's steps in order, each mapping the frame to a new one, and records each for provenance: the step
 * as executed, the rows left after it, and for an expression its canonical text.
 *
 * @example applySteps(frame, [{ derive: { name: "f", expr: "a + b" } }]).records[0].expression // "a + b"
 */
export function applySteps(frame: Frame, steps: readonly Record<string, unknown>[]): { frame: Frame; records: StepRecord[] } {
  const records: StepRecord[] = [];
  let current = frame;
  for (const step of steps) {
    const { kind, body } = stepEntry(step);
    const applied = stepModule(kind).apply(current, body);
    current = applied.frame;
    const record: StepRecord = { step: { [kind]: body }, rows_remaining: current.rows.length };
    if (applied.expression !== undefined) record.expression = applied.expression;
    records.push(record);
  }
  return { frame: current, records };
}
