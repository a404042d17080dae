import type { Grouping } from "../ops/group-rows";

/**
 * The grouping restricted to the groups at `order`, renumbered in that order (rows of other groups get -1, as
 * rows with a missing key do).
 *
 * @example selectGroups(grouping, Uint32Array.of(2, 0)).keys // [keys[2], keys[0]]
 */
export function selectGroups(grouping: Grouping, order: Uint32Array): Grouping {
  let groupOf: Int32Array | undefined;
  // The renumbered group of every row is as long as the rows: made when a chart asks for it, not per plan.
  const renumbered = (): Int32Array => {
    const renumber = new Int32Array(grouping.keys.length).fill(-1);
    order.forEach((g, k) => (renumber[g] = k));
    const out = new Int32Array(grouping.groupOf.length);
    for (let i = 0; i < out.length; i++) out[i] = grouping.groupOf[i] < 0 ? -1 : renumber[grouping.groupOf[i]];
    return out;
  };
  return {
    rows: grouping.rows,
    get groupOf() {
      return (groupOf ??= renumbered());
    },
    keys: Array.from(order, (g) => grouping.keys[g]),
    sizes: Uint32Array.from(order, (g) => grouping.sizes[g]),
  };
}
