import { BUILT_IN_PLACEHOLDERS, placeholderOf } from '@shared/announcements/placeholders';
import { useQuery } from '../../client/hooks';

/** Buttons that insert a placeholder at the caret of the text they belong to. */
export function PlaceholderButtons({ onInsert, label }: { onInsert: (placeholder: string) => void; label: string }) {
  const fields = useQuery('communities.fields', {}, ['communities']);
  const names = [...BUILT_IN_PLACEHOLDERS, ...(fields.data ?? [])];
  return (
    <div className="an-placeholders" role="group" aria-label={label}>
      <span className="mb-muted">Insert:</span>
      {names.map((name) => (
        <button key={name} type="button" className="mb-button an-small" onClick={() => onInsert(placeholderOf(name))}>
          {placeholderOf(name)}
        </button>
      ))}
      <span className="mb-muted">Custom fields are defined on the Communities view.</span>
    </div>
  );
}
