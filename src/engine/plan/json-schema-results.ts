import { findAggregateOp } from "../aggregates/aggregate-ops";
import type { ExamplePicker } from "../operations/operation";
import { operationModule } from "../operations/registry";
import { AGGREGATION_OPS, DDOF_OPS } from "../results/aggregation-spec";
import type { ColumnType } from "../table/types";
import { filtersWithRules, type JsonSchema } from "./json-schema-filters";
import { OPERATION_RULES } from "./operation-rules";
import { OPERATIONS, type Operation } from "./plan-schema";

/** The dataset's usable columns for the per-dataset schema. */
export interface SchemaColumns {
  readonly all: readonly string[];
  readonly typed: readonly { readonly name: string; readonly type: ColumnType }[];
}

const NULL_OR_EMPTY: JsonSchema = { anyOf: [{ type: "null" }, { type: "array", maxItems: 0 }] };
const SHAPING_ABSENT: JsonSchema = { properties: { having: NULL_OR_EMPTY, sort: NULL_OR_EMPTY, limit: { type: "null" } } };
const GROUP_BY_ABSENT: JsonSchema = { anyOf: [{ not: { required: ["group_by"] } }, { properties: { group_by: NULL_OR_EMPTY } }] };
const whenOperation = (operation: Operation, also?: JsonSchema): JsonSchema => ({
  properties: { operation: { const: operation } },
  required: ["operation"],
  ...(also === undefined ? {} : { allOf: [also] }),
});
const whenOp = (ops: readonly string[], then: JsonSchema): JsonSchema => ({ if: { properties: { op: { enum: [...ops] } }, required: ["op"] }, then });

/**
 * An aggregation item's per-op rules, as validation applies them: a column unless the op is count; ddof only for
 * std/var/sem; q and interpolation only for quantile. (Unique names are the server's check, `duplicate_name`.)
 */
export const AGGREGATION_ITEM_RULES: readonly JsonSchema[] = [
  whenOp(AGGREGATION_OPS.filter((op) => op !== "count"), { required: ["column"] }),
  whenOp(AGGREGATION_OPS.filter((op) => !DDOF_OPS.includes(op)), { not: { required: ["ddof"] } }),
  whenOp(AGGREGATION_OPS.filter((op) => op !== "quantile"), { allOf: [{ not: { required: ["q"] } }, { not: { required: ["interpolation"] } }] }),
];

/** What some operations constrain beyond their rule table, as `then` schemas (validation: each module's check). */
const OPERATION_RULE_EXTRAS: Partial<Record<string, JsonSchema>> = {
  crosstab: { properties: { group_by: { type: "array", minItems: 2, maxItems: 2 } } },
  value_counts: { properties: { normalize: { type: ["boolean", "null"] } } },
  describe: { properties: { percentiles: { anyOf: [{ type: "null" }, { type: "array", uniqueItems: true }] } } },
  rows: { properties: { columns: { anyOf: [{ type: "null" }, { type: "array", uniqueItems: true }] } } },
  argmax: { properties: { columns: { anyOf: [{ type: "null" }, { type: "array", uniqueItems: true }] } } },
  argmin: { properties: { columns: { anyOf: [{ type: "null" }, { type: "array", uniqueItems: true }] } } },
};

/**
 * The result fields of the generic schema, in place: aggregation items carry their per-op rules, `having`
 * filters the operator value rules of `filters` (both only when `conditional`: tool APIs may refuse if/then).
 *
 * @example withResultProperties(properties, true)
 */
export function withResultProperties(properties: Record<string, JsonSchema>, conditional: boolean): void {
  if (!conditional) return;
  const aggregations = properties.aggregations.anyOf as JsonSchema[];
  aggregations[0] = { ...aggregations[0], items: { ...(aggregations[0].items as JsonSchema), allOf: [...AGGREGATION_ITEM_RULES] } };
  properties.having = filtersWithRules(properties.having);
}

/**
 * The per-operation rules of the results part of the plan, as `allOf` branches:
 * - an operation's required fields that are lists (aggregations, crosstab's group_by) present and non-empty;
 * - having / sort / limit only where they shape a list: never for an operation without shaping, not without a
 *   group_by for grouped results, no having for rows;
 * - crosstab's two group_by columns, value_counts' boolean normalize, distinct percentiles and columns.
 *
 * @example resultBranches().length > 0
 */
export function resultBranches(): JsonSchema[] {
  const branches: JsonSchema[] = [];
  for (const operation of OPERATIONS) {
    const module = operationModule(operation);
    const lists = OPERATION_RULES[operation].required.filter((field) => field === "aggregations" || field === "group_by");
    if (lists.length > 0) {
      const present = Object.fromEntries(lists.map((field) => [field, { type: "array", minItems: 1 }]));
      branches.push({ if: whenOperation(operation), then: { required: lists, properties: present } });
    }
    const shaping = module.shaping;
    if (shaping === undefined) branches.push({ if: whenOperation(operation), then: SHAPING_ABSENT });
    else if (shaping.list === "groups") branches.push({ if: whenOperation(operation, GROUP_BY_ABSENT), then: SHAPING_ABSENT });
    if (shaping !== undefined && !shaping.having) branches.push({ if: whenOperation(operation), then: { properties: { having: NULL_OR_EMPTY } } });
    const extra = OPERATION_RULE_EXTRAS[operation];
    if (extra !== undefined) branches.push({ if: whenOperation(operation), then: extra });
  }
  return branches;
}

/** A column a derive step of the same plan creates: any name, checked by the server against the steps. */
const DERIVED: JsonSchema = { type: "string", description: "A column created by a derive step of this plan." };
const enumOrDerived = (names: readonly string[]): JsonSchema => ({ anyOf: [...(names.length > 0 ? [{ type: "string", enum: [...names] }] : []), DERIVED] });

/**
 * The group_by items for one dataset: plain names from `all`, period entries over its datetime columns; with
 * `strict` (plans without steps) only those, else derived names too.
 *
 * @example groupByItems({ all: ["day"], typed: [{ name: "day", type: "datetime" }] }, period, true)
 */
export function groupByItems(columns: SchemaColumns, period: JsonSchema, strict: boolean): JsonSchema {
  const datetimes = columns.typed.filter((column) => column.type === "datetime").map((column) => column.name);
  const periodProps = period.properties as Record<string, JsonSchema>;
  const name = strict ? { type: "string", enum: [...columns.all] } : enumOrDerived(columns.all);
  const periodColumn = strict ? { type: "string", enum: datetimes, description: periodProps.column.description } : { ...enumOrDerived(datetimes), description: periodProps.column.description };
  const options = [name, ...(strict && datetimes.length === 0 ? [] : [{ ...period, properties: { ...periodProps, column: periodColumn } }])];
  return { anyOf: options };
}

/**
 * The result fields of a dataset's schema that name columns: `columns` (rows, argmax, argmin) and each
 * aggregation's column. Top level (steps allowed): the dataset's columns or a derived name. `strict` (no steps):
 * the dataset's columns only, an aggregation's column limited to the types its op accepts (an op with no such
 * column cannot be used; count then counts rows).
 *
 * @example datasetResultProperties(properties, columns, true)
 */
export function datasetResultProperties(properties: Record<string, JsonSchema>, columns: SchemaColumns, strict: boolean): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const list = properties.columns.anyOf as JsonSchema[];
  out.columns = { ...properties.columns, anyOf: [{ ...list[0], items: strict ? columnEnum(columns.all) : enumOrDerived(columns.all) }, list[1]] };
  const aggregations = properties.aggregations.anyOf as JsonSchema[];
  const item = aggregations[0].items as JsonSchema;
  const itemProps = item.properties as Record<string, JsonSchema>;
  if (!strict) {
    out.aggregations = { ...properties.aggregations, anyOf: [{ ...aggregations[0], items: { ...item, properties: { ...itemProps, column: { ...enumOrDerived(columns.all), description: itemProps.column.description } } } }, aggregations[1]] };
    return out;
  }
  const perOp = AGGREGATION_OPS.map((op) => {
    const accepts = findAggregateOp(op)?.accepts ?? [];
    const names = columns.typed.filter((column) => accepts.includes(column.type)).map((column) => column.name);
    if (names.length > 0) return whenOp([op], { properties: { column: { enum: names } } });
    return whenOp([op], op === "count" ? { not: { required: ["column"] } } : { not: {} });
  });
  out.aggregations = { anyOf: [{ ...aggregations[0], items: { ...item, allOf: [...((item.allOf as JsonSchema[]) ?? []), ...perOp] } }, aggregations[1]] };
  return out;
}

function columnEnum(names: readonly string[]): JsonSchema {
  return names.length > 0 ? { type: "string", enum: [...names] } : { not: {} };
}

/**
 * One example plan per operation (JSON Schema `examples`): with the generic names of each module's example, or
 * for a dataset naming its columns (an operation whose example needs columns the dataset lacks has none).
 *
 * @example operationExamples(OPERATIONS)[0] // { operation: "mean", target_column: "price", group_by: ["region"] }
 */
export function operationExamples(operations: readonly Operation[], columns?: SchemaColumns): Array<Record<string, unknown>> {
  const pick: ExamplePicker = (types, fallback, nth = 0) =>
    columns === undefined ? fallback : columns.typed.filter((column) => types.includes(column.type))[nth]?.name;
  const examples: Array<Record<string, unknown>> = [];
  for (const operation of operations) {
    const example = operationModule(operation).example?.(pick);
    if (example !== undefined) examples.push(example);
  }
  return examples;
}
