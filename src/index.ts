import { createApp } from "./app";
import { createDb } from "./db/client";
import { purgeDatasets } from "./jobs/purge";

export { RateLimiter } from "./rate-limit/rate-limiter";

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      purgeDatasets(createDb(env.DB), env.UPLOADS, new Date(controller.scheduledTime)).then(
        (report) => console.log(JSON.stringify({ level: "info", msg: "purge", cron: controller.cron, ...report })),
        (error) => console.log(JSON.stringify({ level: "error", msg: "purge failed", cron: controller.cron, error: String(error) })),
      ),
    );
  },
} satisfies ExportedHandler<Env>;
