import type { KeyValue } from "./encode-key-column";

/**
 * A group's `key` object `{column: value}`. Column names are data (`__proto__`, `constructor` are legal
 * headers), so the object has no prototype and keys are defined, not assigned: assigning `__proto__` on a
 * plain object would set its prototype and the key would vanish from JSON.stringify.
 *
 * @example JSON.stringify(keyObject(["__proto__"], ["x"])) // '{"__proto__":"x"}'
 */
export function keyObject(columns: readonly string[], values: readonly KeyValue[]): Record<string, KeyValue> {
  const key = Object.create(null) as Record<string, KeyValue>;
  columns.forEach((column, i) => {
    Object.defineProperty(key, column, { value: values[i], enumerable: true, writable: true, configurable: true });
  });
  return key;
}
