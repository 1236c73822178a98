import type { Draft } from './useDraft';
import { TemplateField } from './TemplateField';
import { VariantEditor } from './VariantEditor';

/** The text of a draft: a title only the desk sees, the default body and its language variants. */
export function MessageFields({ draft, onChange }: { draft: Draft; onChange: (change: Partial<Draft>) => void }) {
  return (
    <section className="an-section" aria-labelledby="an-message-title">
      <h3 id="an-message-title">Message</h3>
      <label className="an-label">
        Title (only shown here)
        <input className="an-input an-wide" dir="auto" maxLength={200} value={draft.title} onChange={(event) => onChange({ title: event.target.value })} />
      </label>
      <TemplateField label="Text" value={draft.body} autoFocus={draft.body === ''} onChange={(body) => onChange({ body })} />
      <VariantEditor variants={draft.variants} onChange={(variants) => onChange({ variants })} />
    </section>
  );
}
