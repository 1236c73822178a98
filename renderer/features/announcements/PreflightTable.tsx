import { useMemo } from 'react';
import type { AnnouncementPreview, PreviewRow, TargetSpec } from '@shared/domain/announcements';
import { deskKeyIntent } from '@shared/keyboard/announcement-keys';
import { QueueTable } from '../../ui/QueueTable';
import { useTableState } from '../../ui/useTableState';
import { previewColumns } from './previewColumns';
import { toggleExcluded } from './targetRules';
import { useListSource } from './useListSource';

interface Props {
  readonly preview: AnnouncementPreview | undefined;
  readonly error: string | null;
  /** Keep stable: the columns are built from it. */
  readonly editTargets: (edit: (targets: TargetSpec) => TargetSpec) => void;
}

const NO_ROWS: readonly PreviewRow[] = [];

/** Every target with the exact text it would get and its preflight status; `e` excludes one or takes it back. */
export function PreflightTable({ preview, error, editTargets }: Props) {
  const table = useTableState();
  const source = useListSource(preview?.rows ?? NO_ROWS, 'preview');
  const columns = useMemo(() => previewColumns((row) => editTargets((targets) => toggleExcluded(targets, row.communityId))), [editTargets]);
  return (
    <section className="an-section" aria-labelledby="an-preview-title">
      <h3 id="an-preview-title">Preview and preflight</h3>
      <p className="mb-muted" aria-live="polite">
        {preview
          ? `${preview.ready} ready · ${preview.problems} with a problem · ${preview.excluded} excluded · ${preview.distinctTexts} distinct ${preview.distinctTexts === 1 ? 'text' : 'texts'}`
          : 'Working out the texts…'}
      </p>
      {error && (
        <p role="alert" className="mb-error">
          {error}
        </p>
      )}
      <div className="an-table">
        <QueueTable
          table={table}
          ariaLabel="Preview of every target"
          columns={columns}
          getRowId={(row) => row.communityId}
          source={source}
          onKeyDown={(event, { focusedRow }) => {
            if (!focusedRow || deskKeyIntent(event, 'preview').kind !== 'toggleExclude') return;
            event.preventDefault();
            editTargets((targets) => toggleExcluded(targets, focusedRow.communityId));
          }}
          emptyState="No targets yet."
        />
      </div>
    </section>
  );
}
