import { useState } from 'react';
import { languageTagSchema, type Variants } from '@shared/domain/announcements';
import { TemplateField } from './TemplateField';

interface Props {
  readonly variants: Variants;
  readonly onChange: (variants: Variants) => void;
}

/** Per-language bodies: a community whose language matches gets its variant instead of the default text. */
export function VariantEditor({ variants, onChange }: Props) {
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const parsed = languageTagSchema.safeParse(tag);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Not a language tag');
    if (Object.hasOwn(variants, parsed.data)) return setError(`There is already a ${parsed.data} variant.`);
    setError(null);
    setTag('');
    onChange({ ...variants, [parsed.data]: '' });
  };
  return (
    <div className="an-variants">
      {Object.entries(variants).map(([language, text]) => (
        <div key={language} className="an-variant">
          <TemplateField label={`Variant for ${language}`} value={text} rows={4} onChange={(next) => onChange({ ...variants, [language]: next })} />
          <button
            type="button"
            className="mb-button an-small"
            onClick={() => onChange(Object.fromEntries(Object.entries(variants).filter(([key]) => key !== language)))}
          >
            Remove the {language} variant
          </button>
        </div>
      ))}
      <form
        className="an-inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <input className="an-input an-short" aria-label="Language of a new variant" placeholder="es, pt-BR…" maxLength={35} value={tag} onChange={(e) => setTag(e.target.value)} />
        <button type="submit" className="mb-button">
          Add a language variant
        </button>
        {error && (
          <span role="alert" className="mb-error">
            {error}
          </span>
        )}
      </form>
    </div>
  );
}
