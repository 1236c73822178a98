import { DENSITIES, THEMES, type PreferencesPatch } from '@shared/domain/settings';
import { useState } from 'react';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';
import { ViewHeader } from '../../ui/ViewHeader';
import { BackupsSection } from './BackupsSection';
import { ConnectionsSection } from './ConnectionsSection';
import { ManualGroupsSection } from './ManualGroupsSection';
import { WellbeingSection } from './WellbeingSection';

const NUMBER_FIELDS = [
  { key: 'undoGraceSeconds', label: 'Undo window (seconds)', min: 0, max: 60 },
  { key: 'confirmBulkOver', label: 'Confirm bulk actions over (rows)', min: 1, max: 100_000 },
  { key: 'confirmAnnouncementOver', label: 'Typed confirmation over (targets)', min: 1, max: 10_000 },
  { key: 'syncIntervalMinutes', label: 'Sync every (minutes)', min: 1, max: 1440 },
] as const;

/** Preferences, saved as they change; and where this console keeps its data. */
export function SettingsView() {
  const api = useApi();
  const preferences = useQuery('settings.get', {}, []);
  const info = useQuery('app.info', {}, []);
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: PreferencesPatch) => {
    const result = await api.call('settings.update', patch);
    setError(result.ok ? null : result.error.message);
    preferences.reload();
  };
  const p = preferences.data;
  return (
    <>
      <ViewHeader title="Settings" />
      {error && (
        <p role="alert" className="mb-banner mb-banner--error">
          {error}
        </p>
      )}
      <BackupsSection />
      {p && (
        <form className="mb-form" aria-label="Preferences" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor="pref-theme">Theme</label>
          <select id="pref-theme" className="mb-select" value={p.theme} onChange={(e) => void save({ theme: e.target.value as (typeof THEMES)[number] })}>
            {THEMES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <label htmlFor="pref-density">Density</label>
          <select id="pref-density" className="mb-select" value={p.density} onChange={(e) => void save({ density: e.target.value as (typeof DENSITIES)[number] })}>
            {DENSITIES.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
          {NUMBER_FIELDS.map((field) => (
            <NumberPreference key={field.key} field={field} value={p[field.key]} onSave={(value) => void save({ [field.key]: value })} />
          ))}
        </form>
      )}
      <ConnectionsSection />
      <ManualGroupsSection />
      <WellbeingSection />
      {info.data && (
        <section className="mb-card" style={{ margin: 16 }} aria-label="About this console">
          <h3>About</h3>
          <div>Modboard {info.data.version} ({info.data.host === 'desktop' ? 'desktop app' : 'browser mode'})</div>
          <div>
            Data folder: <code>{info.data.dataDir}</code>
          </div>
          <div className="mb-muted">Database schema version {info.data.schemaVersion}</div>
        </section>
      )}
    </>
  );
}

function NumberPreference({
  field,
  value,
  onSave,
}: {
  field: (typeof NUMBER_FIELDS)[number];
  value: number;
  onSave(value: number): void;
}) {
  const [draft, setDraft] = useState(String(value));
  const id = `pref-${field.key}`;
  return (
    <>
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type="number"
        className="mb-select"
        min={field.min}
        max={field.max}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          const n = Number(draft);
          if (Number.isInteger(n) && String(n) === draft.trim()) onSave(n);
          else setDraft(String(value));
        }}
      />
    </>
  );
}
