/**
 * Header cells -> unique column names. Names live in arrays and Sets only, so `__proto__`, `constructor` or
 * `hasOwnProperty` are ordinary names (never keys of a plain object).
 *
 * Rules (docs/api.md "Datasets"): trim; an empty header becomes `column_<1-based position>`; a repeated name gets
 * `_2`, `_3`, ... in file order, skipping any suffix that is already taken or that appears as a header
 * elsewhere in the file, so a generated name never collides with a real one (`a,a,a_2` -> `a, a_3, a_2`).
 *
 * @example
 * nameHeaders([" id ", "", "id", "__proto__"]); // ["id", "column_2", "id_2", "__proto__"]
 */
export function nameHeaders(cells: readonly string[]): string[] {
  const base = cells.map((cell, index) => {
    const trimmed = cell.trim();
    return trimmed === "" ? `column_${index + 1}` : trimmed;
  });
  const reserved = new Set(base);
  const used = new Set<string>();
  return base.map((name) => {
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
    let suffix = 2;
    while (used.has(`${name}_${suffix}`) || reserved.has(`${name}_${suffix}`)) suffix++;
    const renamed = `${name}_${suffix}`;
    used.add(renamed);
    return renamed;
  });
}
