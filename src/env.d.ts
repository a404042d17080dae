// Settings that are not in wrangler.jsonc `vars`: secrets (wrangler secret / .dev.vars) and test-only knobs.
interface ExtraSettings {
  SECRET_KEY?: string;
  /** scrypt cost N; only lowered by the test configuration. */
  PASSWORD_HASH_COST?: string;
  LOGIN_RATE_LIMIT?: string;
  LOGIN_RATE_WINDOW_MINUTES?: string;
}
interface Env extends ExtraSettings {}
declare namespace Cloudflare {
  interface Env extends ExtraSettings {}
}
