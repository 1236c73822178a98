import { useCallback, useEffect, useState } from 'react';
import { VIEW_IDS, type ViewId } from '@shared/keyboard/shortcuts';

const DEFAULT_VIEW: ViewId = 'join-requests';

function viewFromHash(): ViewId {
  const id = location.hash.replace(/^#\/?/, '');
  return (VIEW_IDS as readonly string[]).includes(id) ? (id as ViewId) : DEFAULT_VIEW;
}

/** The current view lives in the URL hash, so reloads and links keep it. */
export function useHashView(): [ViewId, (view: ViewId) => void] {
  const [view, setView] = useState<ViewId>(viewFromHash);
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((next: ViewId) => {
    location.hash = `/${next}`;
    setView(next);
  }, []);
  return [view, go];
}
