/**
 * Request bodies and headers: JSON bodies, including keys that pollute prototypes when a parser or merge assigns
 * instead of defining; Content-Type and header values; Authorization values (JWT-shaped garbage included).
 */
import { fc } from "@fast-check/vitest";

const HOSTILE_KEYS = ["__proto__", "constructor", "prototype", "polluted", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];
const ROUTE_KEYS = ["session_id", "plan", "operation", "target_column", "filters", "group_by", "username", "password", "email", "full_name"];

type JsonTree = null | boolean | number | string | JsonTree[] | { entries: Array<[string, JsonTree]> };

const jsonKey = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...ROUTE_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
);

const jsonTree: fc.Arbitrary<JsonTree> = fc.letrec<{ tree: JsonTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<JsonTree>(null, true, false, 0, -1, 1e308, "", "polluted", "count"),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 20 }),
    fc.array(tie("tree"), { maxLength: 4 }),
    fc.array(fc.tuple(jsonKey, tie("tree")), { maxLength: 5 }).map((entries) => ({ entries })),
  ),
})).tree;

/** Serialises a tree; object entries are written as given (duplicate and `__proto__` keys included). */
export function jsonTextOf(tree: JsonTree): string {
  if (tree === null || typeof tree !== "object") return JSON.stringify(tree);
  if (Array.isArray(tree)) return `[${tree.map(jsonTextOf).join(",")}]`;
  return `{${tree.entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonTextOf(v)}`).join(",")}}`;
}

/** Payloads that pollute Object.prototype through a naive merge or `obj[key] = value`. */
export const POLLUTION_PAYLOADS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"plan":{"__proto__":{"polluted":"yes"}},"session_id":"x"}',
  '{"session_id":"x","plan":{"operation":"count","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}',
  '{"operation":"mean","target_column":"__proto__","group_by":["__proto__","constructor"],"filters":[{"column":"__proto__","operator":"==","value":"polluted"}]}',
  '{"username":"__proto__","password":"constructor","__proto__":{"isAdmin":true,"polluted":"yes"}}',
  '{"email":"a@b.co","username":"proto_user","password":"xxxxxxxxxx","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
];

/** JSON text: fc.jsonValue, hand-built trees with hostile keys, and the classic pollution payloads. */
export const jsonBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  jsonTree.map(jsonTextOf),
  fc.object({ key: jsonKey, maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.dictionary(jsonKey, fc.jsonValue({ maxDepth: 1 })).map((v) => JSON.stringify(v)),
  fc.constantFrom(...POLLUTION_PAYLOADS),
  // truncated or otherwise broken JSON
  fc.jsonValue().map((v) => JSON.stringify(v) ?? "").map((t) => t.slice(0, Math.max(0, t.length - 1))),
);

export const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/problem+json",
  "application/vnd.api+json",
  "text/plain",
  "text/csv",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzzboundary",
  "multipart/form-data",
  "application/octet-stream",
  "application/json; charset=latin1; boundary=x",
  "",
] as const;

/** Header values: printable ASCII and tabs (workerd re-encodes Latin-1 as UTF-8 with a warning per value). */
export const headerValue = (maxLength = 80): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, { weight: 1, arbitrary: fc.constant(0x09) }), { maxLength })
    .map((codes) => String.fromCharCode(...codes));

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/=+$/, "").replaceAll("+", "-").replaceAll("/", "_");
export const b64urlJson = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

const b64urlSegment = fc.uint8Array({ maxLength: 48 }).map(base64url);

/** Authorization values: random strings, random base64url segments and JWT-shaped garbage. */
export const authorizationValue: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  headerValue(),
  headerValue(40).map((v) => `Bearer ${v}`),
  fc.array(b64urlSegment, { minLength: 1, maxLength: 4 }).map((parts) => `Bearer ${parts.join(".")}`),
  fc
    .tuple(
      fc.record({ alg: fc.constantFrom("HS256", "none", "HS512", "RS256", "ES256", ""), typ: fc.constantFrom("JWT", "at+jwt") }),
      fc.record(
        {
          sub: fc.oneof(fc.uuid(), fc.string()),
          exp: fc.oneof(fc.integer(), fc.constant(4_102_444_800)),
          iat: fc.integer(),
          iss: fc.constantFrom("wake-analyzer", "evil"),
          aud: fc.constantFrom("wake-analyzer-api", "other"),
        },
        { requiredKeys: [] },
      ),
      fc.oneof(fc.constant(""), b64urlSegment),
      fc.constantFrom("Bearer ", "bearer ", "BEARER  ", "Bearer\t", "Basic ", ""),
    )
    .map(([header, payload, signature, scheme]) => `${scheme}${b64urlJson(header)}.${b64urlJson(payload)}.${signature}`),
);
