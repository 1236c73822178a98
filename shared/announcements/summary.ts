import type { AnnouncementPreview, PreviewRow } from '../domain/announcements';

/** Counts over a preview's rows; excluded rows are shown but count for nothing. */
export function summarizePreview(rows: readonly PreviewRow[], estimatedMs: number, confirmOver: number): AnnouncementPreview {
  const included = rows.filter((row) => row.status !== 'excluded');
  return {
    rows,
    count: included.length,
    reach: included.reduce((sum, row) => sum + row.memberCount, 0),
    ready: included.filter((row) => row.status === 'ready').length,
    problems: included.filter((row) => row.status === 'problem').length,
    excluded: rows.length - included.length,
    distinctTexts: new Set(included.map((row) => row.text)).size,
    estimatedMs,
    confirmOver,
  };
}

/** Sending waits until every included target is ready, and there is at least one. */
export const canSend = (preview: Pick<AnnouncementPreview, 'count' | 'problems'>): boolean => preview.count > 0 && preview.problems === 0;

/** A send to more targets than `confirmOver` needs the target count typed back. */
export const needsTypedConfirmation = (preview: Pick<AnnouncementPreview, 'count' | 'confirmOver'>): boolean => preview.count > preview.confirmOver;
