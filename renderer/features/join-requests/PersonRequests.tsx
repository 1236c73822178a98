import type { PersonRequest } from '@shared/domain/decisions';
import { formatAge } from '../../ui/format';
import { InlineText } from '../../ui/InlineText';

/** This person's requests across your communities, with what was decided and why. */
export function PersonRequests({ requests, currentId }: { requests: readonly PersonRequest[]; currentId: string }) {
  const others = requests.filter((request) => request.id !== currentId);
  return (
    <section aria-labelledby="jr-person-requests">
      <h4 id="jr-person-requests">Other requests ({others.length})</h4>
      {others.length === 0 ? (
        <p className="mb-muted">None in your other communities.</p>
      ) : (
        <ul className="jr-list">
          {others.map((request) => (
            <li key={request.id}>
              <InlineText text={request.communityName} /> · <span className="mb-pill">{request.status}</span>
              <span className="mb-muted">{formatAge(request.requestedAt)}</span>
              {request.decision && (
                <div className="mb-muted">
                  {request.decision}
                  {request.decidedAt && <> {formatAge(request.decidedAt)}</>}
                  {request.decisionReason && (
                    <>
                      {' '}
                      — <InlineText text={request.decisionReason} max={500} />
                    </>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
