import type { ReactNode } from 'react';

/** Title row of a view: its name, a count, and the view's controls. */
export function ViewHeader({ title, count, children }: { title: string; count?: ReactNode; children?: ReactNode }) {
  return (
    <header className="mb-view-header">
      <h1>{title}</h1>
      {count !== undefined && <span className="mb-muted" aria-live="polite">{count}</span>}
      {children}
    </header>
  );
}
