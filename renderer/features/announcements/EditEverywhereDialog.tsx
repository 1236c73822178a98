import { useMemo, useState } from 'react';
import { describeProblem } from '@shared/announcements/problem-text';
import type { AnnouncementDetail, Variants } from '@shared/domain/announcements';
import { useQuery } from '../../client/hooks';
import { Dialog } from '../../ui/dialog';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { TemplateField } from './TemplateField';
import { VariantEditor } from './VariantEditor';

interface Props {
  readonly detail: AnnouncementDetail;
  readonly onConfirm: (content: { body: string; variants: Variants }) => void;
  readonly onCancel: () => void;
}

/** The new text for every live post, with how many posts it would change and where it cannot. */
export function EditEverywhereDialog({ detail, onConfirm, onCancel }: Props) {
  const [body, setBody] = useState(detail.body);
  const [variants, setVariants] = useState(detail.variants);
  const input = useMemo(() => ({ id: detail.id, content: { body, variants } }), [detail.id, body, variants]);
  const preview = useQuery('announcements.previewEdit', useDebouncedValue(input, 250), ['announcements']);
  const blocked = preview.data?.rows.filter((row) => row.status === 'problem') ?? [];
  return (
    <Dialog title="Edit everywhere" wide onCancel={onCancel}>
      <TemplateField label="New text" value={body} onChange={setBody} />
      <VariantEditor variants={variants} onChange={setVariants} />
      <p className="mb-muted" aria-live="polite">
        {preview.data ? `${preview.data.ready} of ${preview.data.count} live posts can take this text.` : preview.error ? '' : 'Checking…'}
      </p>
      {preview.error && (
        <p role="alert" className="mb-error">
          {preview.error.message}
        </p>
      )}
      {blocked.length > 0 && (
        <ul className="an-problems" aria-label="Posts that will keep their text">
          {blocked.map((row) => (
            <li key={row.communityId}>
              <bdi>{row.communityName}</bdi>: {row.problems.map(describeProblem).join('; ')}
            </li>
          ))}
        </ul>
      )}
      <p className="an-actions">
        <button type="button" className="mb-button mb-button--primary" disabled={!preview.data || preview.data.ready === 0} onClick={() => onConfirm({ body, variants })}>
          Edit {preview.data?.ready ?? ''} posts
        </button>
        <button type="button" className="mb-button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </Dialog>
  );
}
