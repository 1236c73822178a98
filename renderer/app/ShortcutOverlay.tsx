import { useEffect, useRef } from 'react';
import { SHORTCUTS, type Shortcut, type ShortcutScope } from '@shared/keyboard/shortcuts';

const SCOPE_TITLES: Readonly<Record<ShortcutScope, string>> = {
  global: 'Anywhere',
  table: 'In a queue',
  'join-requests': 'In Join requests',
  flagged: 'In Flagged',
  announcements: 'In Announcements',
};
const SCOPES = Object.keys(SCOPE_TITLES) as ShortcutScope[];

function Keys({ shortcut }: { shortcut: Shortcut }) {
  return (
    <>
      {shortcut.keys.map((key, i) => (
        <span key={key}>
          {i > 0 && ' then '}
          <kbd>{key}</kbd>
        </span>
      ))}
    </>
  );
}

/** The `?` overlay: every shortcut, from the same table the handlers use. */
export function ShortcutOverlay({ onClose, extra = [] }: { onClose(): void; extra?: readonly Shortcut[] }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    return () => previous?.focus();
  }, []);
  const all = [...SHORTCUTS, ...extra];
  return (
    <div className="mb-overlay" onClick={onClose}>
      <div
        ref={dialog}
        className="mb-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="mb-shortcuts-title"
        tabIndex={-1}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === '?') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="mb-shortcuts-title">Keyboard shortcuts</h2>
        {SCOPES.map((scope) => (
          <table key={scope} className="mb-shortcuts">
            <caption className="mb-muted" style={{ textAlign: 'left', padding: '8px 0 4px' }}>
              {SCOPE_TITLES[scope]}
            </caption>
            <tbody>
              {all
                .filter((s) => s.scope === scope)
                .map((s) => (
                  <tr key={s.id}>
                    <td style={{ width: '40%' }}>
                      <Keys shortcut={s} />
                    </td>
                    <td>{s.description}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        ))}
        <p>
          <button type="button" className="mb-button" onClick={onClose}>
            Close shortcuts
          </button>
        </p>
      </div>
    </div>
  );
}
