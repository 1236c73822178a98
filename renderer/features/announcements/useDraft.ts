import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { AnnouncementDetail, TargetSpec, Variants } from '@shared/domain/announcements';
import { useApi } from '../../client/ApiProvider';
import { useDebouncedValue } from '../../ui/useDebouncedValue';

export interface Draft {
  readonly title: string;
  readonly body: string;
  readonly variants: Variants;
  readonly targets: TargetSpec;
}

const AUTOSAVE_MS = 600;

export type SaveState = { readonly kind: 'saved' } | { readonly kind: 'pending' } | { readonly kind: 'error'; readonly message: string };

/**
 * A draft as the editor holds it, saved on its own a moment after the last change.
 * `flush` saves at once (before a send) and resolves false if that failed.
 */
export function useDraft(detail: AnnouncementDetail) {
  const api = useApi();
  const [draft, setDraft] = useState<Draft>(() => ({ title: detail.title, body: detail.body, variants: detail.variants, targets: detail.targets }));
  const [saved, setSaved] = useState<Draft>(draft);
  const [error, setError] = useState<string | null>(null);
  const settled = useDebouncedValue(draft, AUTOSAVE_MS);
  const id = detail.id;

  const save = useCallback(
    (value: Draft): Promise<boolean> =>
      api.call('announcements.saveDraft', { id, ...value }).then((result) => {
        setError(result.ok ? null : result.error.message);
        if (result.ok) setSaved(value);
        return result.ok;
      }),
    [api, id],
  );

  // Only a new settled value triggers a save; `saved` catching up must not.
  const unsaved = useEffectEvent((value: Draft) => value !== saved);
  useEffect(() => {
    if (unsaved(settled)) void save(settled);
  }, [settled, save]);

  const state: SaveState = error ? { kind: 'error', message: error } : draft === saved ? { kind: 'saved' } : { kind: 'pending' };
  const update = useCallback((change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change })), []);
  const editTargets = useCallback((edit: (targets: TargetSpec) => TargetSpec) => setDraft((current) => ({ ...current, targets: edit(current.targets) })), []);
  const flush = useCallback(() => (draft === saved ? Promise.resolve(true) : save(draft)), [draft, saved, save]);
  return { draft, update, editTargets, state, flush };
}
