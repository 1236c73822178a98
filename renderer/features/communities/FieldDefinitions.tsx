import { useState } from 'react';
import { QUIET_HOURS_FIELD, fieldNameSchema } from '@shared/announcements/placeholders';
import { useApi } from '../../client/ApiProvider';

/** The custom fields every community can fill in: define one, or remove one (its values are kept). */
export function FieldDefinitions({ fields }: { fields: readonly string[] }) {
  const api = useApi();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const define = () => {
    const parsed = fieldNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Not a field name');
    void api.call('communities.defineField', { name: parsed.data }).then((result) => {
      setError(result.ok ? null : result.error.message);
      if (result.ok) setName('');
    });
  };
  const remove = (field: string) =>
    void api.call('communities.removeField', { name: field }).then((result) => setError(result.ok ? null : result.error.message));
  return (
    <section className="cm-fields" aria-labelledby="cm-fields-title">
      <h3 id="cm-fields-title">Custom fields</h3>
      <p className="mb-muted cm-note">Each field becomes a placeholder {'{{community.<name>}}'} that every community can fill in.</p>
      <ul className="cm-field-list">
        {fields.map((field) => (
          <li key={field}>
            <code>{field}</code>
            {field !== QUIET_HOURS_FIELD && (
              <button type="button" className="mb-button cm-small" aria-label={`Remove the field ${field}`} onClick={() => remove(field)}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        className="cm-actions"
        onSubmit={(event) => {
          event.preventDefault();
          define();
        }}
      >
        <input className="cm-input" aria-label="New field name" placeholder="e.g. venue" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="mb-button" disabled={name.trim() === ''}>
          Define field
        </button>
      </form>
      {error && (
        <p role="alert" className="mb-error">
          {error}
        </p>
      )}
    </section>
  );
}
