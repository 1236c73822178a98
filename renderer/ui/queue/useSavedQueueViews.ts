import { useMemo, useState } from 'react';
import type { SavedView } from '@shared/domain/decisions';
import { useSavedViews, type ViewTableKey } from '../saved-views';
import type { QueueViewCodec, QueueViewState } from './viewDefinition';

interface QueueViewAccess<Filters> {
  readonly viewState: QueueViewState<Filters>;
  readonly applyView: (view: QueueViewState<Filters>) => void;
}

/** Saved views of one queue: open one (click or 1–9), save the queue as one, rename, delete. */
export function useSavedQueueViews<Filters>(tableKey: ViewTableKey, codec: QueueViewCodec<Filters>, queue: QueueViewAccess<Filters>) {
  const saved = useSavedViews(tableKey);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const active = saved.views.find((view) => view.id === activeId) ?? null;
  const activeState = useMemo(() => (active ? codec.fromDefinition(active.definition) : null), [active, codec]);
  const { viewState, applyView } = queue;

  const open = (view: SavedView): void => {
    const state = codec.fromDefinition(view.definition);
    if (!state) {
      setError(`The view “${view.name.slice(0, 80)}” was saved in a form this version cannot read.`);
      return;
    }
    setError(null);
    applyView(state);
    setActiveId(view.id);
  };

  return {
    views: saved.views,
    activeId: active ? active.id : null,
    modified: activeState !== null && !codec.sameViewState(activeState, viewState),
    error: error ?? saved.error,
    open,
    openIndex: (index: number): boolean => {
      const view = saved.views[index];
      if (view) open(view);
      return view !== undefined;
    },
    saveNew: (name: string) => void saved.save({ name, definition: codec.toDefinition(viewState) }).then((view) => view && setActiveId(view.id)),
    saveChanges: (view: SavedView) => void saved.save({ id: view.id, name: view.name, definition: codec.toDefinition(viewState) }),
    rename: (view: SavedView, name: string) => void saved.save({ id: view.id, name, definition: (view.definition ?? {}) as Record<string, unknown> }),
    remove: (view: SavedView) => {
      if (view.id === activeId) setActiveId(null);
      void saved.remove(view.id);
    },
  };
}

export type SavedQueueViews = ReturnType<typeof useSavedQueueViews>;
