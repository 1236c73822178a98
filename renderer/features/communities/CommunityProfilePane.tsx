import { useState } from 'react';
import { QUIET_HOURS_FIELD } from '@shared/announcements/placeholders';
import type { CommunityProfile } from '@shared/domain/announcements';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';
import { FieldDefinitions } from './FieldDefinitions';

const FIELD_HINTS: Readonly<Record<string, string>> = {
  [QUIET_HOURS_FIELD]: 'HH:MM-HH:MM and a time zone, e.g. 22:00-07:00 Europe/Berlin; announcements are held during them',
};

const tagList = (text: string) => text.split(',').map((tag) => tag.trim()).filter((tag) => tag !== '');

/** The form, mounted per loaded profile so its fields start from what is stored. */
function ProfileForm({ profile, fields, onClose }: { profile: CommunityProfile; fields: readonly string[]; onClose: () => void }) {
  const api = useApi();
  const [language, setLanguage] = useState(profile.languageOverride ?? '');
  const [tags, setTags] = useState(profile.userTags.join(', '));
  const [values, setValues] = useState<Record<string, string>>({ ...profile.fields });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const save = () =>
    void api
      .call('communities.saveProfile', { id: profile.id, languageOverride: language.trim() || null, userTags: tagList(tags), fields: values })
      .then((result) => setMessage(result.ok ? { text: 'Saved.', error: false } : { text: result.error.message, error: true }));
  return (
    <form
      className="cm-form"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <label className="cm-label">
        Language
        <input
          className="cm-input"
          autoFocus
          placeholder={profile.platformLanguage ? `${profile.platformLanguage} (from the platform)` : 'e.g. en, es, pt-BR'}
          maxLength={35}
          value={language}
          onChange={(event) => setLanguage(event.target.value)}
        />
      </label>
      <p className="mb-muted cm-note">Announcement variants are chosen by this language. Leave it empty to follow the platform.</p>
      <label className="cm-label">
        Your tags (comma-separated)
        <input className="cm-input" maxLength={2_000} value={tags} onChange={(event) => setTags(event.target.value)} />
      </label>
      {profile.platformTags.length > 0 && <p className="mb-muted cm-note">From the platform: {profile.platformTags.join(', ')}</p>}
      <h4>Announcement fields</h4>
      {fields.map((field) => (
        <label key={field} className="cm-label">
          {`{{community.${field}}}`}
          <input
            className="cm-input"
            dir="auto"
            maxLength={8_000}
            value={values[field] ?? ''}
            onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
          />
          {FIELD_HINTS[field] && <span className="mb-muted cm-note">{FIELD_HINTS[field]}</span>}
        </label>
      ))}
      <p className="cm-actions">
        <button type="submit" className="mb-button mb-button--primary">
          Save values
        </button>
        <button type="button" className="mb-button" onClick={onClose}>
          Close
        </button>
        {message && (
          <span role={message.error ? 'alert' : 'status'} className={message.error ? 'mb-error' : 'mb-muted'}>
            {message.text}
          </span>
        )}
      </p>
    </form>
  );
}

/**
 * What announcements read from one community: its language (for variants), extra
 * tags (for targeting) and the custom fields its placeholders fill in.
 */
export function CommunityProfilePane({ id, onClose }: { id: string; onClose: () => void }) {
  const profile = useQuery('communities.profile', { id });
  const fields = useQuery('communities.fields', {}, ['communities']);
  return (
    <aside className="cm-pane" aria-label={`Announcement values of ${profile.data?.name ?? 'the community'}`}>
      <h2>
        <bdi>{profile.data?.name ?? ''}</bdi>
      </h2>
      {profile.error && (
        <p role="alert" className="mb-error">
          {profile.error.message}
        </p>
      )}
      {profile.data && fields.data && <ProfileForm key={profile.data.id} profile={profile.data} fields={fields.data} onClose={onClose} />}
      <FieldDefinitions fields={fields.data ?? []} />
    </aside>
  );
}
