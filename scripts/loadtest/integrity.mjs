// After the load, each dataset's history must account for exactly the executes the run saw: a 200 leaves a
// success row with the same filtered_row_count, a 422 leaves a failure row, and nothing else appears. This is
// what catches writes lost or duplicated under concurrency, which latency figures cannot show.

// A few concrete ids are enough to start debugging; more would bury the check line.
const MAX_EXAMPLES = 3;

/** Adds two checks per user to `check` (from report.mjs createChecklist). */
export async function verifyHistory(call, users, check) {
  for (const user of users) {
    const label = `dataset ${user.index + 1} (${user.sessionId.slice(0, 8)}…)`;
    const history = await readAllHistory(call, user);
    if (history.failure) {
      check(`${label}: history readable`, false, history.failure);
      continue;
    }
    const rows = history.rows;
    const byId = new Map();
    let duplicates = 0;
    for (const row of rows) {
      if (byId.has(row.id)) duplicates++;
      byId.set(row.id, row);
    }
    let missing = 0, wrongSuccess = 0, wrongCount = 0;
    const examples = [];
    const example = (text) => { if (examples.length < MAX_EXAMPLES) examples.push(text); };
    for (const [id, filtered] of user.executed) {
      const row = byId.get(id);
      if (!row) { missing++; example(`missing ${id}`); continue; }
      if (row.success !== true) { wrongSuccess++; example(`${id} success=${row.success}`); }
      if (row.filtered_row_count !== filtered) { wrongCount++; example(`${id} filtered_row_count ${row.filtered_row_count} != ${filtered}`); }
    }
    const successRows = rows.filter((r) => r.success === true).length;
    const failedRows = rows.filter((r) => r.success === false).length;
    const expectedFailed = user.invalid422 + user.other422;
    const expectedTotal = user.executed.size + expectedFailed;
    const foreign = rows.filter((r) => r.session_id !== user.sessionId).length;
    check(`${label}: every 200 execute in history with success=true and the same filtered_row_count`,
      missing === 0 && wrongSuccess === 0 && wrongCount === 0,
      `${user.executed.size} ids; missing ${missing}, success≠true ${wrongSuccess}, count mismatch ${wrongCount}${examples.length ? `; e.g. ${examples.join("; ")}` : ""}`);
    check(`${label}: history count = 200 + 422 executes (nothing lost, nothing extra)`,
      rows.length === expectedTotal && duplicates === 0 && foreign === 0 && successRows === user.executed.size && failedRows === expectedFailed,
      `history ${rows.length} (success ${successRows}, failed ${failedRows}, duplicate ids ${duplicates}, other session ${foreign}); ` +
      `expected ${expectedTotal} (200: ${user.executed.size}, 422: ${expectedFailed})` +
      // Execute calls that errored (5xx, network) may or may not have written a row, so say so.
      (user.executeErrors ? `; ${user.executeErrors} execute calls errored, so their rows are indeterminate` : ""));
  }
}

/** Every page of a dataset's history, following the `Link: <...>; rel="next"` headers (bounded). */
async function readAllHistory(call, user) {
  const rows = [];
  let path = `/api/analytics/history/${user.sessionId}?limit=500`;
  for (let page = 0; path && page < 1000; page++) {
    const res = await call("GET", path, { token: user.token });
    if (res.status !== 200 || !Array.isArray(res.data)) return { failure: `${res.status} ${res.error ?? JSON.stringify(res.data).slice(0, 300)}` };
    rows.push(...res.data);
    path = /<([^>]+)>;\s*rel="next"/.exec(res.link ?? "")?.[1];
  }
  return { rows };
}
