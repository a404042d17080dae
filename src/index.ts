import { createApp } from "./app";

export { RateLimiter } from "./rate-limit/rate-limiter";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(_controller, _env, _ctx) {},
} satisfies ExportedHandler<Env>;
