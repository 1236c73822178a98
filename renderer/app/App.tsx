import { useEffect, useState } from 'react';
import type { ViewId } from '@shared/keyboard/shortcuts';
import { useEvent, useQuery } from '../client/hooks';
import { ActivityView } from '../features/activity/ActivityView';
import { AnnouncementsView } from '../features/announcements/AnnouncementsView';
import { CommunitiesView } from '../features/communities/CommunitiesView';
import { FlaggedView } from '../features/flagged/FlaggedView';
import { JoinRequestsView } from '../features/join-requests/JoinRequestsView';
import { SettingsView } from '../features/settings/SettingsView';
import { Navigation } from './Navigation';
import { RecoveryBanner } from './RecoveryBanner';
import { ShortcutOverlay } from './ShortcutOverlay';
import { SyncIndicator } from './SyncIndicator';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useHashView } from './useHashView';

function CurrentView({ view }: { view: ViewId }) {
  switch (view) {
    case 'join-requests':
      return <JoinRequestsView />;
    case 'flagged':
      return <FlaggedView />;
    case 'announcements':
      return <AnnouncementsView />;
    case 'communities':
      return <CommunitiesView />;
    case 'activity':
      return <ActivityView />;
    case 'settings':
      return <SettingsView />;
  }
}

function useTheme() {
  const settings = useQuery('settings.get', {});
  const [changed, setChanged] = useState<string | undefined>();
  useEvent('settings.changed', (preferences) => setChanged(preferences.theme));
  const theme = changed ?? settings.data?.theme;
  useEffect(() => {
    if (theme && theme !== 'system') document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
  }, [theme]);
}

export function App() {
  const [view, go] = useHashView();
  const [helpOpen, setHelpOpen] = useState(false);
  const counts = useQuery('queues.counts', {}, ['join-requests', 'flagged', 'announcements', 'outbox']);
  useTheme();
  useGlobalShortcuts({ toggleHelp: () => setHelpOpen((open) => !open), go });

  return (
    <div className="mb-shell">
      <aside className="mb-sidebar">
        <div className="mb-brand">Modboard</div>
        <Navigation current={view} counts={counts.data} onGo={go} />
        <div className="mb-sidebar-footer">
          <SyncIndicator />
          <button type="button" className="mb-button" onClick={() => setHelpOpen(true)}>
            Keyboard shortcuts <kbd>?</kbd>
          </button>
        </div>
      </aside>
      <main className="mb-main">
        <RecoveryBanner view={view} onGo={go} />
        <CurrentView key={view} view={view} />
      </main>
      {helpOpen && <ShortcutOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
