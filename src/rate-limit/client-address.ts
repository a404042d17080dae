/**
 * The subject of the per-address login limit: `CF-Connecting-IP` (set by Cloudflare's edge, which overwrites any
 * value a client sends), or "unknown" when absent (local development, tests), so all such callers share one limit.
 * An IPv6 address is cut to its /64: one customer usually holds a whole /64 and could otherwise rotate through
 * 2^64 addresses to reset the limit.
 *
 * @example
 * clientAddress(new Headers({ "CF-Connecting-IP": "2001:db8:0:1:aa::1" })); // "2001:db8:0:1::/64"
 */
export function clientAddress(headers: Headers): string {
  const ip = headers.get("CF-Connecting-IP")?.trim().toLowerCase();
  if (!ip) return "unknown";
  if (!ip.includes(":")) return ip;
  // An IPv4-mapped address (::ffff:192.0.2.1) is that IPv4 client, not the /64 every such address shares.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  return mapped ? mapped[1] : (ipv6Prefix(ip) ?? ip);
}

function ipv6Prefix(ip: string): string | null {
  const [head, tail, ...rest] = ip.split("::");
  if (rest.length > 0) return null;
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right];
  const prefix = groups.slice(0, 4).map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? Number.parseInt(g, 16).toString(16) : null));
  return prefix.includes(null) ? null : `${prefix.join(":")}::/64`;
}
