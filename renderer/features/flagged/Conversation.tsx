import type { ConversationMessage, FlagDetail } from '@shared/domain/flagged';
import { ConversationMessageItem } from './ConversationMessageItem';

/** The flagged message highlighted among the messages before and after it, each with what it replies to. */
export function Conversation({ detail }: { detail: FlagDetail }) {
  const all = [...detail.replyChain, ...detail.before, detail.message, ...detail.after];
  const byExternal = new Map<string, ConversationMessage>(all.map((m) => [m.externalId, m]));
  const item = (message: ConversationMessage, flagged = false) => (
    <ConversationMessageItem key={message.id} message={message} flagged={flagged} repliesTo={message.replyToExternalId ? byExternal.get(message.replyToExternalId) : undefined} />
  );
  const chainOutside = detail.replyChain.filter((m) => !detail.before.some((b) => b.id === m.id));
  return (
    <section aria-labelledby="fl-conversation-title">
      <h3 id="fl-conversation-title">Conversation</h3>
      {chainOutside.length > 0 && (
        <>
          <h4>Earlier in the reply chain</h4>
          <ol className="fl-conversation" aria-label="Reply chain">
            {[...chainOutside].reverse().map((m) => item(m))}
          </ol>
        </>
      )}
      {detail.before.length === 0 && <p className="mb-muted">Nothing before it was synced.</p>}
      <ol className="fl-conversation" aria-label="Conversation">
        {detail.before.map((m) => item(m))}
        {item(detail.message, true)}
        {detail.after.map((m) => item(m))}
      </ol>
    </section>
  );
}
