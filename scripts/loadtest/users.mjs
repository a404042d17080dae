// Load-test users: each registers, logs in and uploads its own seeded dataset, so the history checks can
// attribute every row to exactly one user's requests.
import { randomBytes } from "node:crypto";
import { generateCsv } from "./dataset.mjs";

/**
 * Registers, logs in and uploads for user `index`; throws on any unexpected answer because the run is
 * meaningless without its users. The returned object also carries the counters the request loop fills in.
 */
export async function setupUser(call, index, { seed, rows }) {
  // A random suffix keeps names unique across runs even though the state dir is fresh each time.
  const username = `load_${seed}_${index}_${randomBytes(3).toString("hex")}`;
  const password = `load-test password ${randomBytes(6).toString("hex")}`;
  const reg = await call("POST", "/api/auth/register", { json: { email: `${username}@example.com`, username, password } });
  if (reg.status !== 201) throw new Error(`register ${username}: ${reg.status} ${JSON.stringify(reg.data)}`);
  const login = await call("POST", "/api/auth/login", { json: { username, password } });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${JSON.stringify(login.data)}`);
  const token = login.data.access_token;
  const csv = generateCsv(seed * 1000 + index, rows);
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), `orders_${index}.csv`);
  const up = await call("POST", "/api/analytics/upload", { token, form });
  if (up.status !== 201) throw new Error(`upload for ${username}: ${up.status} ${JSON.stringify(up.data)}`);
  const meta = up.data.metadata;
  if (meta.row_count !== rows) throw new Error(`upload for ${username}: row_count ${meta.row_count}, expected ${rows}`);
  return {
    index, username, token, sessionId: up.data.session_id, bytes: csv.length, columnTypes: meta.column_types,
    setup: { register: reg.ms, login: login.ms, upload: up.ms },
    executed: new Map(), // analysis_id -> filtered_row_count, what the history must contain
    invalid422: 0, other422: 0, executeErrors: 0, execute429: 0,
  };
}
