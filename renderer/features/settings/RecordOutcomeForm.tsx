import { useState, type FormEvent } from 'react';
import { useApi } from '../../client/ApiProvider';

type Decision = 'approve' | 'decline' | 'decline-ban';

/** Records a decision made on the platform's own site, so it counts like any other. */
export function RecordOutcomeForm({ communityId, groupName, onRecorded }: { communityId: string; groupName: string; onRecorded(text: string): void }) {
  const api = useApi();
  const [personName, setPersonName] = useState('');
  const [profileUrl, setProfileUrl] = useState('');
  const [decision, setDecision] = useState<Decision>('approve');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const prefix = `record-${communityId}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.call('manual.recordJoinRequest', {
      communityId,
      personName,
      decision,
      ...(profileUrl.trim() ? { profileUrl: profileUrl.trim() } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setPersonName('');
    setProfileUrl('');
    setReason('');
    onRecorded(`Recorded: ${decision} ${personName} in ${groupName}.`);
  };

  return (
    <form className="mb-form" aria-label={`Record a decision in ${groupName}`} onSubmit={(event) => void submit(event)}>
      <label htmlFor={`${prefix}-name`}>Person</label>
      <input id={`${prefix}-name`} className="mb-select" required maxLength={200} value={personName} onChange={(e) => setPersonName(e.target.value)} />
      <label htmlFor={`${prefix}-url`}>Profile link (optional)</label>
      <input id={`${prefix}-url`} className="mb-select" maxLength={500} value={profileUrl} onChange={(e) => setProfileUrl(e.target.value)} />
      <label htmlFor={`${prefix}-decision`}>Decision</label>
      <select id={`${prefix}-decision`} className="mb-select" value={decision} onChange={(e) => setDecision(e.target.value as Decision)}>
        <option value="approve">Approved</option>
        <option value="decline">Declined</option>
        <option value="decline-ban">Declined and banned</option>
      </select>
      <label htmlFor={`${prefix}-reason`}>Reason (optional)</label>
      <input id={`${prefix}-reason`} className="mb-select" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      <span />
      <button type="submit" className="mb-button mb-button--primary">
        Record decision in {groupName}
      </button>
      {error && (
        <p role="alert" className="mb-error" style={{ gridColumn: '1 / -1' }}>
          {error}
        </p>
      )}
    </form>
  );
}
