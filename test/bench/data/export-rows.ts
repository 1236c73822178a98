import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { SQLITE_CLI } from '../figures/ingest-limit';

/**
 * The queue's rows as the peers load them: one JSON array, the pending requests in the
 * queue's default order (oldest first), with the fields its columns show. Written by
 * the sqlite3 shell straight to a file (a million rows are a few hundred MB).
 */
const QUERY = `SELECT j.id, j.person_name AS personName, c.name AS communityName, p.name AS parentCommunityName,
  j.requested_at AS requestedAt, nullif(j.account_created_at, 0) AS accountCreatedAt, j.first_answer AS firstAnswer,
  j.signals AS signals, j.status AS status
FROM join_requests j JOIN communities c ON c.id = j.community_id LEFT JOIN communities p ON p.id = c.parent_id
WHERE j.status = 'pending' ORDER BY j.requested_at, j.seq;`;

export function exportRows(database: string, file: string): Promise<void> {
  const out = openSync(file, 'w');
  return new Promise<void>((resolve, reject) => {
    const child = spawn(SQLITE_CLI, ['-readonly', '-json', database, QUERY], { stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sqlite3 export exited with ${code}: ${stderr}`))));
  }).finally(() => closeSync(out));
}
