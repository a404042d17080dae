import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../db/client";
import type { DatasetRow, UserRow } from "../db/schema";
import { visibleDatasetQuery } from "./datasets";
import { activeUserOf, userQuery } from "./users";

/** The dataset a request named by `session_id`: null when the caller cannot see it (another user's, expired, gone). */
export interface RequestedDataset {
  sessionId: string;
  row: DatasetRow | null;
}

/** A read a route makes on the user's behalf: a Drizzle query that can join a D1 batch. */
export type RouteRead = BatchItem<"sqlite">;

export interface Access<R> {
  /** The token's user, or null when it was deleted or deactivated. */
  user: UserRow | null;
  dataset?: RequestedDataset;
  read?: R;
}

/**
 * The token's user together with what the request reads on that user's behalf, in one D1 round trip: a batch,
 * so the statements see one state of the database. `sessionId` adds the dataset it names, as the user may see
 * it (owner, ready, unexpired: visibleDatasetQuery); `read` is the route's own query. The reads run before the
 * user is known to be active, so they must not write; when the user is not, nothing else is returned.
 *
 * It reads the primary, not a replica through D1's Sessions API: this one read decides whether a deactivated
 * user or a just-deleted dataset is still served, which a lagging replica could get wrong, and letting a client
 * read its own writes from a replica would need it to carry D1 bookmarks (an API change). With
 * `withSession("first-primary")` the first query goes to the primary anyway, and it is the only read before the
 * answer, so a session would save nothing here.
 *
 * @example
 * const { user, dataset } = await findUserWith(db, userId, { sessionId });
 * if (!user) throw 401; if (!dataset.row) throw 404;
 */
export async function findUserWith<R>(db: Database, userId: string, { sessionId, read }: { sessionId?: string; read?: RouteRead } = {}, now = new Date()): Promise<Access<R>> {
  const users = userQuery(db, userId);
  const queries: RouteRead[] = [users];
  if (sessionId !== undefined) queries.push(visibleDatasetQuery(db, userId, sessionId, now));
  if (read !== undefined) queries.push(read);
  const results = queries.length === 1 ? [await users] : await db.batch(queries as [RouteRead, ...RouteRead[]]);
  const user = activeUserOf(results[0] as UserRow[]);
  if (!user) return { user: null };
  const access: Access<R> = { user };
  if (sessionId !== undefined) access.dataset = { sessionId, row: (results[1] as DatasetRow[])[0] ?? null };
  if (read !== undefined) access.read = results[results.length - 1] as R;
  return access;
}
