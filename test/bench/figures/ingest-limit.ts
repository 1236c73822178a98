import type { Backlog } from '../data/backlog';
import type { BacklogCsv } from '../data/backlog-csv';
import { openBacklogStore } from '../data/fresh-store';
import { runProcess } from '../support/run-process';

export const SQLITE_CLI = process.env.SQLITE3_PATH ?? '/usr/bin/sqlite3';

/**
 * The practical limit: the sqlite3 shell imports the same rows into the same schema
 * (indexes, FTS and counter triggers included) in ONE transaction, with the product's
 * pragmas. Timed from process start to exit.
 */
export async function ingestThroughShell(file: string, b: Backlog, csv: BacklogCsv): Promise<number> {
  await (await openBacklogStore(file, b)).close();
  const conn = `'${b.connectionId}'`;
  const script = `.bail on
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -65536;
PRAGMA temp_store = MEMORY;
BEGIN IMMEDIATE;
CREATE TEMP TABLE members_in (id, ext, name, username, url, created, now);
.import --csv --schema temp ${csv.members} members_in
INSERT INTO members (id, connection_id, external_id, display_name, username, profile_url, account_created_at, first_seen_at, updated_at)
  SELECT id, ${conn}, ext, name, nullif(username, ''), nullif(url, ''), CAST(nullif(created, '') AS INTEGER), CAST(now AS INTEGER), CAST(now AS INTEGER)
  FROM members_in;
CREATE TEMP TABLE requests_in (id, ext, version, com, mem, name, sort, created, at, answers, text, first, sig, key, now);
.import --csv --schema temp ${csv.joinRequests} requests_in
INSERT INTO join_requests (id, connection_id, external_id, version, community_id, member_id, person_name, person_sort, community_sort,
    account_created_at, requested_at, answers, answers_text, first_answer, signals, cluster_key, status, created_at, updated_at)
  SELECT r.id, ${conn}, r.ext, r.version, c.id, m.id, r.name, r.sort, c.tree_key, CAST(r.created AS INTEGER), CAST(r.at AS INTEGER),
    r.answers, r.text, r.first, CAST(r.sig AS INTEGER), nullif(r.key, ''), 'pending', CAST(r.now AS INTEGER), CAST(r.now AS INTEGER)
  FROM requests_in r
  JOIN communities c ON c.connection_id = ${conn} AND c.external_id = r.com
  JOIN members m ON m.connection_id = ${conn} AND m.external_id = r.mem;
COMMIT;
`;
  const started = performance.now();
  await runProcess(SQLITE_CLI, [file], script);
  const ms = performance.now() - started;
  const count = Number((await runProcess(SQLITE_CLI, [file, 'SELECT count(*) FROM join_requests'])).trim());
  if (count !== b.rows) throw new Error(`sqlite3 imported ${count} join requests, expected ${b.rows}`);
  return ms;
}
