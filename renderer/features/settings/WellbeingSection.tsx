import { useState } from 'react';
import type { PreferencesPatch } from '@shared/domain/settings';
import { SENSITIVE_CATEGORIES, SENSITIVE_CATEGORY_LABELS, SENSITIVE_WORDS, type SensitiveCategory } from '@shared/flags/sensitive-text';
import { useApi } from '../../client/ApiProvider';
import { useQuery } from '../../client/hooks';

/**
 * Wellbeing: what the Flagged queue keeps blurred until the moderator reveals it. Media in
 * messages (placeholders, image and video links) and, by choice, text in categories a
 * small word list recognises (shared/flags/sensitive-text.ts). Saved as it changes.
 */
export function WellbeingSection() {
  const api = useApi();
  const preferences = useQuery('settings.get', {}, []);
  const [error, setError] = useState<string | null>(null);
  const save = async (patch: PreferencesPatch) => {
    const result = await api.call('settings.update', patch);
    setError(result.ok ? null : result.error.message);
    preferences.reload();
  };
  const p = preferences.data;
  if (!p) return null;
  const toggle = (category: SensitiveCategory, on: boolean) => {
    const next = SENSITIVE_CATEGORIES.filter((c) => (c === category ? on : p.blurTextCategories.includes(c)));
    void save({ blurTextCategories: next });
  };
  return (
    <section className="mb-card" style={{ margin: 16 }} aria-labelledby="wellbeing-title">
      <h3 id="wellbeing-title">Wellbeing</h3>
      <p className="mb-muted">Reported messages can be hard to look at all day. What is blurred here stays blurred until you press its Reveal button.</p>
      {error && (
        <p role="alert" className="mb-error">
          {error}
        </p>
      )}
      <label>
        <input type="checkbox" checked={p.blurMedia} onChange={(e) => void save({ blurMedia: e.target.checked })} /> Blur media in messages (images, videos, links to
        them)
      </label>
      <fieldset>
        <legend>Blur message text about</legend>
        {SENSITIVE_CATEGORIES.map((category) => (
          <div key={category}>
            <label title={`Words matched (a starting point): ${SENSITIVE_WORDS[category].join(', ')}`}>
              <input type="checkbox" checked={p.blurTextCategories.includes(category)} onChange={(e) => toggle(category, e.target.checked)} />{' '}
              {SENSITIVE_CATEGORY_LABELS[category]}
            </label>
          </div>
        ))}
        <p className="mb-muted">A short English word list recognises each category: it will miss some messages and blur a few harmless ones.</p>
      </fieldset>
    </section>
  );
}
