import { swaggerUI } from "@hono/swagger-ui";
import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";

const REDOC_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Wake Analyzer API - ReDoc</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><redoc spec-url="/openapi.json"></redoc>
<script src="https://cdn.redoc.ly/redoc/latest/bundles/redoc.standalone.js"></script></body>
</html>`;

/** Human-facing API reference pages over the generated /openapi.json. */
export const docsRoutes = new Hono<AppEnv>()
  .get("/docs", swaggerUI({ url: "/openapi.json", title: "Wake Analyzer API" }))
  .get("/redoc", (c) => c.html(REDOC_PAGE));
