import type { Hono } from "hono";
import type { H, RouterRoute } from "hono/types";
import type { Router } from "hono/router";

/** The parts of an app this reads: its routes and its router. */
type RoutedApp = Pick<Hono, "routes"> & { router: Router<[H, RouterRoute]> };

/**
 * The methods some route of `app` answers at `path`, derived from the app's own routes (middleware, mounted for
 * every method, does not count): each method a route was declared with, and HEAD wherever GET is (Hono answers
 * HEAD with the GET route). Empty when no route has the path at all. Sorted, for the `Allow` header of a 405.
 *
 * @example
 * allowedMethods(app, "/api/analytics/datasets/abc"); // ["DELETE", "GET", "HEAD"]
 */
export function allowedMethods(app: RoutedApp, path: string): string[] {
  const declared = new Set(app.routes.map((route) => route.method).filter((method) => method !== "ALL"));
  const allowed = [...declared].filter((method) => app.router.match(method, path)[0].some(([[, route]]) => route.method !== "ALL"));
  if (allowed.includes("GET")) allowed.push("HEAD");
  return allowed.sort();
}
