/**
 * A plain JSON object keyed by user-supplied names: a dataset's `column_types` and `profile`, a group's `key`
 * (`{column: value}`). Keys are defined as own data properties, so `__proto__` is a key like any other and
 * never replaces the prototype (assigning it would, and the key would vanish from JSON.stringify); the object
 * keeps Object.prototype so libraries that inspect prototypes (drizzle, hono) treat it as an ordinary object.
 * Read it back with own-property reads (`Object.hasOwn`, `Object.getOwnPropertyDescriptor`) when the name is
 * user data.
 *
 * @example
 * JSON.stringify(jsonRecord([["__proto__", 1], ["a", 2]])); // '{"__proto__":1,"a":2}'
 */
export function jsonRecord<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const record: Record<string, V> = {};
  for (const [key, value] of entries) {
    // Only __proto__ is an accessor on Object.prototype; any other key assigned makes the same own data property,
    // and keeps the object in V8's fast mode (defineProperty on every key can turn it into a dictionary).
    if (key === "__proto__") Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    else record[key] = value;
  }
  return record;
}
