import { useEffect, useEffectEvent } from 'react';
import { globalIntent, type ViewId } from '@shared/keyboard/shortcuts';

const PREFIX_TIMEOUT_MS = 1200;

/** Typing in a field must never trigger navigation. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function focusSearch(): void {
  document.querySelector<HTMLInputElement>('[data-search-input]')?.focus();
}

/** App-level keys: `?` help, `/` search, `g` + letter to switch views. */
export function useGlobalShortcuts(actions: { toggleHelp(): void; go(view: ViewId): void }): void {
  const toggleHelp = useEffectEvent(() => actions.toggleHelp());
  const go = useEffectEvent((view: ViewId) => actions.go(view));
  useEffect(() => {
    let prefixAt = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const pending = Date.now() - prefixAt < PREFIX_TIMEOUT_MS;
      const intent = globalIntent(event, pending);
      prefixAt = 0;
      switch (intent.kind) {
        case 'help':
          toggleHelp();
          break;
        case 'search':
          focusSearch();
          break;
        case 'prefix':
          prefixAt = Date.now();
          break;
        case 'go':
          go(intent.view);
          break;
        case 'none':
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
