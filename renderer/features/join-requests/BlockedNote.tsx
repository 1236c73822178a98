/** Why decisions are disabled, or what part of a selection they would leave pending: on screen, not only in a tooltip. */
export function BlockedNote({ id, lines }: { readonly id: string; readonly lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <p id={id} className="mb-muted jr-blocked-note">
      {lines.map((line) => (
        <span key={line}>{line} </span>
      ))}
    </p>
  );
}
