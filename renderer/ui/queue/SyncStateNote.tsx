import type { ReactNode } from 'react';
import type { JoinRequestDetail } from '@shared/domain/decisions';
import { formatAge } from '../format';
import { InlineText } from '../InlineText';

type SyncFields = Pick<
  JoinRequestDetail,
  'status' | 'syncState' | 'syncError' | 'handledElsewhereBy' | 'handledElsewhereAt' | 'decision' | 'decisionReason' | 'decidedBy' | 'decidedAt'
>;

const when = (at: number | null) => (at ? `${formatAge(at)} (${new Date(at).toLocaleString()})` : null);

/** Where a row's decision stands: waiting to be pushed, failed and why, or handled by someone else. */
export function SyncStateNote({ request }: { request: SyncFields }) {
  const lines: { key: string; tone: 'warn' | 'bad' | null; text: ReactNode }[] = [];
  if (request.status === 'handled-elsewhere' || request.handledElsewhereBy) {
    lines.push({
      key: 'elsewhere',
      tone: 'warn',
      text: (
        <>
          Handled elsewhere{request.handledElsewhereBy && <> by <InlineText text={request.handledElsewhereBy} /></>}
          {request.handledElsewhereAt && <>, {when(request.handledElsewhereAt)}</>}
        </>
      ),
    });
  }
  if (request.decision) {
    lines.push({
      key: 'decision',
      tone: null,
      text: (
        <>
          Decision: {request.decision}
          {request.decidedBy && <> by <InlineText text={request.decidedBy} /></>}
          {request.decidedAt && <>, {when(request.decidedAt)}</>}
          {request.decisionReason && <> — reason: <InlineText text={request.decisionReason} max={500} /></>}
        </>
      ),
    });
  }
  if (request.syncState === 'pending-push') lines.push({ key: 'sync', tone: 'warn', text: 'Waiting to be pushed to the platform' });
  if (request.syncState === 'failed') {
    lines.push({ key: 'sync', tone: 'bad', text: <>Push failed{request.syncError && <>: <InlineText text={request.syncError} /></>}</> });
  }
  if (request.syncState === 'conflict') {
    lines.push({ key: 'sync', tone: 'bad', text: <>Conflict with the platform{request.syncError && <>: <InlineText text={request.syncError} /></>}</> });
  }
  if (lines.length === 0) return null;
  return (
    <ul className="jr-sync">
      {lines.map((line) => (
        <li key={line.key} className={line.tone ? `jr-sync--${line.tone}` : undefined}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}
