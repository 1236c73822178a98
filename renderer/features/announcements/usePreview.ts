import { useMemo } from 'react';
import type { TargetSpec, Variants } from '@shared/domain/announcements';
import { useQuery } from '../../client/hooks';
import { useDebouncedValue } from '../../ui/useDebouncedValue';

const PREVIEW_DEBOUNCE_MS = 250;

/**
 * The preview of what the editor holds now (not what was last saved), refreshed a
 * moment after typing stops and whenever communities or connections change.
 */
export function usePreview(body: string, variants: Variants, targets: TargetSpec, at: number | null) {
  const input = useMemo(() => ({ content: { body, variants }, targets, ...(at === null ? {} : { at }) }), [body, variants, targets, at]);
  return useQuery('announcements.preview', useDebouncedValue(input, PREVIEW_DEBOUNCE_MS), ['communities']);
}
