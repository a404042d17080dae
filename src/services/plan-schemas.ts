import type { DatasetRow } from "../db/schema";
import { datasetPlanJsonSchema, type JsonSchema } from "../engine/plan/plan-json-schema";

/**
 * The plan JSON Schema of one dataset (datasetPlanJsonSchema over its columns and their types), as the
 * dataset's plan-schema route and the MCP tools and resources serve it.
 *
 * @example
 * const schema = datasetPlanSchema(await findDataset(db, userId, sessionId));
 */
export function datasetPlanSchema(dataset: DatasetRow): JsonSchema {
  return datasetPlanJsonSchema(dataset.columns.map((name) => ({ name, type: dataset.columnTypes[name] })));
}
