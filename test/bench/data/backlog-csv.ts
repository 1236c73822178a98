import { join } from 'node:path';
import { newId } from '@shared/ids';
import { sortName } from '@services/store/repositories/community-tree';
import { answersTextOf, clusterKeyOf, firstAnswerOf, itemSignals } from '@services/store/repositories/signals';
import { joinRequestItem, personItem, type Backlog } from './backlog';
import { csvLine, writeLines } from './csv';

export interface BacklogCsv {
  readonly members: string;
  readonly joinRequests: string;
}

/**
 * The backlog as the CSV files the sqlite3 shell imports: the same rows, with the
 * per-row columns computed by the product's own helpers (sort key, answers text,
 * first answer, signals, cluster key). Cross-row signals are left to the product.
 */
export async function writeBacklogCsv(dir: string, b: Backlog): Promise<BacklogCsv> {
  const now = b.t0;
  const files = { members: join(dir, 'members.csv'), joinRequests: join(dir, 'join_requests.csv') };
  await writeLines(
    files.members,
    (function* () {
      for (let m = 0; m < b.members; m++) {
        const p = personItem(b, m);
        yield csvLine([newId(now), p.externalId, p.displayName, p.username, p.profileUrl, p.accountCreatedAt, now]);
      }
    })(),
  );
  await writeLines(
    files.joinRequests,
    (function* () {
      for (let i = 0; i < b.rows; i++) {
        const item = joinRequestItem(b, i);
        const answers = JSON.stringify(item.answers.map((a) => ({ question: a.question, answer: a.answer })));
        yield csvLine([
          newId(now), item.externalId, item.version, item.communityExternalId, item.person.externalId, item.person.displayName,
          sortName(item.person.displayName), item.person.accountCreatedAt ?? 0, item.requestedAt, answers, answersTextOf(item.answers),
          firstAnswerOf(item.answers), itemSignals(item), clusterKeyOf(item.answers), now,
        ]);
      }
    })(),
  );
  return files;
}
