import { useState } from 'react';

/** Names are the user's own but may be long: the note stays one short line. */
const MAX_NAME = 60;

/**
 * "2 paused": connections the user paused in Settings pull and push nothing until
 * resumed. The names show on hover and focus, and are in the accessible name, so a
 * moderator whose queue stopped moving learns which connection and where to resume it.
 */
export function PausedConnections({ names }: { readonly names: readonly string[] }) {
  const [open, setOpen] = useState(false);
  if (names.length === 0) return null;
  const list = names.map((name) => (name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name)).join(', ');
  const label = `${names.length} paused ${names.length === 1 ? 'connection' : 'connections'}: ${list}. Resume in Settings.`;
  return (
    <div
      className="mb-muted"
      role="note"
      tabIndex={0}
      aria-label={label}
      title={label}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
    >
      {names.length} paused
      {open && <span aria-hidden="true">: {list}. Resume in Settings.</span>}
    </div>
  );
}
