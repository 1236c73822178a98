import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * A value the parent may own (pass `value`) or leave to us. Either way changes
 * are reported, and `latest` sees earlier writes at once, so two updates in one
 * event (a key held down, a resize drag) compose instead of racing the render.
 */
export function useControllable<T>(
  value: T | undefined,
  onChange: ((next: T) => void) | undefined,
  initial: () => T,
): [T, (next: T) => void, { readonly current: T }] {
  const [own, setOwn] = useState(initial);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const latest = useRef(current);
  const onChangeRef = useRef(onChange);
  useLayoutEffect(() => {
    latest.current = current;
    onChangeRef.current = onChange;
  });

  const set = useCallback(
    (next: T) => {
      if (Object.is(next, latest.current)) return;
      latest.current = next;
      if (!controlled) setOwn(next);
      onChangeRef.current?.(next);
    },
    [controlled],
  );
  return [current, set, latest];
}
