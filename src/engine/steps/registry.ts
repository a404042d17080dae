import { deriveStep } from "./derive-step";
import { dropDuplicatesStep } from "./drop-duplicates-step";
import { dropOutliersStep } from "./drop-outliers-step";
import { dropMissingStep } from "./drop-missing-step";
import { fillMissingStep } from "./fill-missing-step";
import { filterStep } from "./filter-step";
import { sortStep } from "./sort-step";
import type { StepModule } from "./step";

/**
 * Every kind of step, in the order the schema lists them. Adding a step is one new module (see step.ts) and one
 * entry here: the plan schema, validation, cost, execution and provenance read it from this list.
 */
// Each module is typed by its own body; the registry holds them as modules of an unknown body, which is safe
// because a body only ever reaches the module whose kind parsed it.
export const STEP_MODULES = [
  deriveStep, filterStep, dropOutliersStep, fillMissingStep, dropMissingStep, dropDuplicatesStep, sortStep,
] as unknown as readonly StepModule<unknown>[];

export const STEP_KINDS: readonly string[] = STEP_MODULES.map((module) => module.kind);

const BY_KIND: ReadonlyMap<string, StepModule<unknown>> = new Map(STEP_MODULES.map((module) => [module.kind, module]));

/**
 * The module of a step kind (validated plans only name registered kinds).
 *
 * @example stepModule("derive").summary
 */
export function stepModule(kind: string): StepModule<unknown> {
  const module = BY_KIND.get(kind);
  if (module === undefined) throw new Error(`Unknown step kind ${JSON.stringify(kind)}`);
  return module;
}

/** A step's kind and body: the one key of `{"<kind>": body}`. */
export function stepEntry(step: Readonly<Record<string, unknown>>): { kind: string; body: unknown } {
  const [kind] = Object.keys(step);
  return { kind, body: step[kind] };
}
