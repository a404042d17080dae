import { aggregate } from "./aggregate";
import { argmax, argmin } from "./argmax";
import { crosstabOperation } from "./crosstab";
import { describeOperation } from "./describe";
import { rowsOperation } from "./rows";
import { valueCountsOperation } from "./value-counts";
import { count, max, mean, median, min, std, sum } from "./aggregations";
import { correlation } from "./correlation";
import { forecast } from "./forecast";
import { logistic } from "./logistic";
import { ols } from "./ols";
import type { OperationModule } from "./operation";
import { regression } from "./regression";
import { test } from "./test";

/**
 * Every operation of the plan language, in the order the schema lists them. Adding an operation is one new
 * module (see operation.ts) and one entry here: validation, normalisation, the JSON Schemas, the cost cap,
 * execution and charts all read it from this list.
 */
export const OPERATION_MODULES = [
  mean, sum, count, min, max, std, median, correlation, regression, forecast,
  aggregate, valueCountsOperation, describeOperation, crosstabOperation, rowsOperation, argmax, argmin, test, ols, logistic,
] as const satisfies readonly OperationModule[];

export type Operation = (typeof OPERATION_MODULES)[number]["name"];

export const OPERATIONS = OPERATION_MODULES.map((module) => module.name) as unknown as readonly [Operation, ...Operation[]];

const BY_NAME: ReadonlyMap<string, OperationModule> = new Map(OPERATION_MODULES.map((module) => [module.name, module]));

/**
 * The module of an operation name (validated plans only name registered operations).
 *
 * @example operationModule("mean").rule.required // ["target_column"]
 */
export function operationModule(name: string): OperationModule {
  const module = BY_NAME.get(name);
  if (module === undefined) throw new Error(`Unknown operation ${JSON.stringify(name)}`);
  return module;
}
