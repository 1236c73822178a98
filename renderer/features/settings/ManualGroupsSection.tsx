import { useState, type FormEvent } from 'react';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';
import { ExternalLink } from './ExternalLink';
import { RecordOutcomeForm } from './RecordOutcomeForm';

/**
 * Facebook Groups has had no API since April 2024: add groups by URL, open their admin
 * pages, and record what you decided there.
 */
export function ManualGroupsSection() {
  const api = useApi();
  const connections = useQuery('connections.list', {}, ['communities']);
  const groups = useQuery('manual.groups', {}, ['communities', 'join-requests']);
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const manual = connections.data?.find((c) => c.kind === 'facebook-manual');

  const report = (result: { ok: boolean; error?: { message: string } }, done: string) => {
    setMessage(result.ok ? { text: done, error: false } : { text: result.error?.message ?? 'Failed', error: true });
    connections.reload();
    groups.reload();
  };
  const addGroup = async (event: FormEvent) => {
    event.preventDefault();
    if (!manual) return;
    const result = await api.call('manual.addGroup', { connectionId: manual.id, url });
    if (result.ok) setUrl('');
    report(result, 'Group added.');
  };

  return (
    <section className="mb-card" style={{ margin: 16 }} aria-labelledby="manual-title">
      <h3 id="manual-title">Facebook Groups (manual)</h3>
      <p className="mb-muted">Facebook removed its Groups API in April 2024. Work in the group’s admin pages and record the outcome here.</p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'mb-error' : 'mb-muted'}>
          {message.text}
        </p>
      )}
      {!manual ? (
        <button type="button" className="mb-button" onClick={() => void api.call('manual.addConnection', { name: 'Facebook Groups' }).then((r) => report(r, 'Facebook Groups added.'))}>
          Add Facebook Groups
        </button>
      ) : (
        <form className="mb-form" aria-label="Add a Facebook group" onSubmit={(event) => void addGroup(event)}>
          <label htmlFor="manual-url">Group address</label>
          <input id="manual-url" className="mb-select" required maxLength={500} placeholder="https://www.facebook.com/groups/…" value={url} onChange={(e) => setUrl(e.target.value)} />
          <span />
          <button type="submit" className="mb-button">
            Add group
          </button>
        </form>
      )}
      {(groups.data ?? []).map((group) => (
        <details key={group.communityId} className="mb-card" style={{ marginTop: 8 }}>
          <summary>
            <span className="mb-text">{group.name}</span> <span className="mb-muted">· {group.recorded} recorded</span>
          </summary>
          <p style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
            {group.links.map((link) => (
              <ExternalLink key={link.label} url={link.url}>
                {link.label}
              </ExternalLink>
            ))}
          </p>
          <RecordOutcomeForm communityId={group.communityId} groupName={group.name} onRecorded={(text) => report({ ok: true }, text)} />
        </details>
      ))}
    </section>
  );
}
