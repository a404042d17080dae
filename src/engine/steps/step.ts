import type { z } from "zod";
import type { EngineProblem } from "../errors";
import type { Scope } from "../expr/compile-expression";
import type { Frame } from "../frame/frame";
import type { Table } from "../table/types";

/** What a step's checks see: the columns in scope (dataset and earlier derived ones) and, when loaded, the data. */
export interface StepCheckContext {
  readonly scope: Scope;
  /** The dataset's column names, for suggestions. */
  readonly table?: Table;
  /** Path of the step's body, e.g. ["steps", 2, "derive"]. */
  readonly path: readonly PropertyKey[];
  /** Names derived by earlier steps (a derive may not reuse one). */
  readonly derived: ReadonlySet<string>;
}

export interface StepCheck {
  readonly errors: EngineProblem[];
  readonly warnings?: EngineProblem[];
  /** The scope after this step (a derive adds its column; a fill may change a column's type). */
  readonly scope: Scope;
}

/** One step's provenance: the rows left after it and, for expressions, their canonical text. */
export interface StepRecord {
  step: Record<string, unknown>;
  rows_remaining: number;
  expression?: string;
}

/**
 * One kind of data-preparation step (`{"<kind>": {...}}` in a plan's `steps`). Each declares its body's schema,
 * its checks against the columns in scope, its cost, and how it maps a frame to a new frame; registered once in
 * steps/registry.ts.
 */
export interface StepModule<Body = unknown> {
  readonly kind: string;
  readonly schema: z.ZodType<Body>;
  /** One line for the plan JSON Schema, and an example body. */
  readonly summary: string;
  readonly example: Body;
  /** The body with its defaults filled in, as stored and hashed. */
  readonly normalize: (body: Body) => Body;
  readonly check: (body: Body, context: StepCheckContext) => StepCheck;
  /** Work units over `rows` rows (known before running). */
  readonly cost: (body: Body, rows: number) => number;
  readonly apply: (frame: Frame, body: Body) => { frame: Frame; expression?: string };
}
