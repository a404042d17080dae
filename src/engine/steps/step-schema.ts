import { z } from "zod";
import { STEP_MODULES } from "./registry";

export const MAX_STEPS = 30;
/** Derived columns per plan: each is as long as the table (8 bytes a row), inside the isolate's 128 MB. */
export const MAX_DERIVED_COLUMNS = 20;

/**
 * One step: an object with exactly one key naming its kind (`{"derive": {...}}`). Declared as an object whose
 * keys are all the kinds, each optional, so zod reports problems inside a step at their own path
 * (`steps[2].derive.expr`) and an unknown kind as an unknown key; "exactly one" is checked by validation.
 */
export const StepSchema: z.ZodType<Record<string, unknown>> = z
  .strictObject(Object.fromEntries(STEP_MODULES.map((module) => [module.kind, (module.schema as z.ZodType).optional()])))
  .meta({ id: "Step", description: "One data-preparation step: an object with exactly one key, the step's kind." });

export const StepsSchema = z.array(StepSchema).max(MAX_STEPS);
