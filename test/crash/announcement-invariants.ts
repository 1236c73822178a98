import { sql } from '@services/store/sql';
import { rows } from './db';
import type { Ledger } from './ledger';
import type { SandboxAction } from './sandbox-log';
import { EFFECTFUL } from './sandbox-log';

/** A post as the Sandbox holds it now (`GET /_sandbox/announcements`). */
export interface SandboxPost {
  readonly id: string;
  readonly communityId: string;
  readonly text: string;
  readonly deletedBy: unknown;
}

interface Delivery {
  readonly id: string;
  readonly announcement_id: string;
  readonly community: string;
  readonly state: string;
  readonly message: string | null;
  readonly text: string;
}

interface AnnouncePush {
  readonly kind: string;
  readonly delivery: string;
  readonly announcement_id: string;
  readonly idempotency_key: string;
}

const communityOfPath = (path: string) => /\/communities\/([^/]+)\/announcements/.exec(path)?.[1] ?? null;

/**
 * What the user was told holds: an acknowledged send has one delivery per target (none
 * once a cancel put it back to a draft), an acknowledged cancel left its targets
 * cancelled, and an acknowledged edit or delete queued one push per post it named.
 */
function checkAcknowledged(ledger: Ledger, deliveries: readonly Delivery[], pushes: readonly AnnouncePush[], violations: string[]): void {
  const of = (id: string) => deliveries.filter((d) => d.announcement_id === id);
  const backToDraft = new Set(ledger.cancels.filter((c) => c.backToDraft).map((c) => c.announcementId));
  for (const send of ledger.sends) {
    const stored = of(send.announcementId).length;
    const allowed = backToDraft.has(send.announcementId) ? [0] : ledger.cancelsCut.has(send.announcementId) ? [0, send.targets] : [send.targets];
    if (!allowed.includes(stored)) violations.push(`announcement ${send.announcementId} was acknowledged for ${send.targets} targets but has ${stored} deliveries`);
  }
  for (const cancel of ledger.cancels.filter((c) => !c.backToDraft)) {
    const cancelled = of(cancel.announcementId).filter((d) => d.state === 'cancelled').length;
    if (cancelled !== cancel.cancelled) violations.push(`announcement ${cancel.announcementId}: cancel acknowledged for ${cancel.cancelled} targets, ${cancelled} deliveries are cancelled`);
  }
  const acked = new Map<string, number>();
  for (const f of ledger.followUps) acked.set(`${f.announcementId} ${f.kind}`, (acked.get(`${f.announcementId} ${f.kind}`) ?? 0) + f.queued);
  for (const [key, queued] of acked) {
    const [announcementId, kind] = key.split(' ') as [string, string];
    const stored = pushes.filter((p) => p.announcement_id === announcementId && p.kind === kind).length;
    const exact = !ledger.followUpsCut.has(announcementId);
    if (exact ? stored !== queued : stored < queued) violations.push(`announcement ${announcementId}: ${queued} ${kind} pushes acknowledged, ${stored} stored`);
  }
}

/**
 * Announcements after the drain, checked against the Sandbox: every post there belongs
 * to exactly one delivery (no double post, no post the app lost track of); no community
 * got one announcement twice through its keys (a key no outbox row holds is caught with
 * the other pushes); a sent or edited delivery's post exists with exactly the
 * delivery's text (every edit applied, once, to a post that exists); a deleted one's is
 * deleted; a cancelled one never left.
 */
export async function checkAnnouncements(file: string, ledger: Ledger, actions: readonly SandboxAction[], posts: readonly SandboxPost[], violations: string[]): Promise<void> {
  const deliveries = await rows<Delivery>(file, sql`SELECT d.id, d.announcement_id, c.external_id AS community, d.state, d.external_message_id AS message,
      d.rendered_text AS text
    FROM announcement_deliveries d JOIN communities c ON c.id = d.community_id`);
  const pushes = await rows<AnnouncePush>(file, sql`SELECT o.kind, o.subject_id AS delivery, d.announcement_id, o.idempotency_key
    FROM outbox o JOIN announcement_deliveries d ON d.id = o.subject_id WHERE o.subject_type = 'announcement_delivery'`);
  checkAcknowledged(ledger, deliveries, pushes, violations);

  const deliveryByKey = new Map(pushes.map((p) => [p.idempotency_key, deliveries.find((d) => d.id === p.delivery)]));
  const postsPer = new Map<string, number>();
  for (const action of actions) {
    if (action.method !== 'POST' || !EFFECTFUL.has(action.effect) || !action.path.endsWith('/announcements')) continue;
    const delivery = deliveryByKey.get(action.idempotencyKey);
    if (!delivery) continue;
    if (communityOfPath(action.path) !== delivery.community) violations.push(`delivery ${delivery.id} for ${delivery.community} was posted to ${action.path}`);
    const intent = `${delivery.announcement_id} in ${communityOfPath(action.path)}`;
    postsPer.set(intent, (postsPer.get(intent) ?? 0) + 1);
  }
  for (const [intent, times] of postsPer) if (times > 1) violations.push(`announcement ${intent} was posted ${times} times`);

  const byMessage = new Map<string, Delivery[]>();
  for (const d of deliveries) if (d.message) byMessage.set(d.message, [...(byMessage.get(d.message) ?? []), d]);
  const postById = new Map(posts.map((p) => [p.id, p]));
  for (const post of posts) {
    const owners = byMessage.get(post.id) ?? [];
    if (owners.length !== 1) violations.push(`the Sandbox post ${post.id} in ${post.communityId} belongs to ${owners.length} deliveries`);
  }
  for (const d of deliveries) {
    const post = d.message ? postById.get(d.message) : undefined;
    switch (d.state) {
      case 'sent':
      case 'edited':
        if (!post) violations.push(`delivery ${d.id} is ${d.state} as ${d.message ?? 'no message'}, which the Sandbox does not have`);
        else if (post.communityId !== d.community || post.deletedBy !== null || post.text !== d.text)
          violations.push(`delivery ${d.id} (${d.state}) disagrees with the Sandbox's ${post.id}: ${JSON.stringify({ app: [d.community, d.text], sandbox: [post.communityId, post.text, post.deletedBy !== null] })}`);
        break;
      case 'deleted':
        if (post?.deletedBy == null) violations.push(`delivery ${d.id} is deleted but the Sandbox's ${d.message ?? 'post'} is not`);
        break;
      case 'cancelled':
        if (d.message !== null) violations.push(`delivery ${d.id} is cancelled but was posted as ${d.message}`);
        break;
      default:
        violations.push(`delivery ${d.id} ended ${d.state} after the drain`);
    }
  }
}
