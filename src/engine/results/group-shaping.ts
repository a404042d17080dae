import type { ResultField, ResultShaping } from "../operations/operation";
import type { ColumnType } from "../table/types";

/**
 * The shaping of an operation whose grouped result has fixed fields (correlation: coefficient, p_value, n,
 * method): having, sort and limit apply to its groups.
 *
 * @example fixedGroupFields([["coefficient", "float"], ["n", "integer"]]).fields(plan, typeOf)
 */
export function fixedGroupFields(fields: ReadonlyArray<readonly [string, ColumnType]>): ResultShaping {
  const typed: ResultField[] = fields.map(([name, type]) => ({ name, type }));
  return { list: "groups", having: true, fields: () => typed };
}
