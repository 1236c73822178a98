/**
 * Runs `fn` once activity has been quiet for `delayMs`; `flush` runs a pending call now
 * (used on close so the last move is not lost), `cancel` drops it.
 */
export interface Debounced {
  schedule(): void;
  flush(): void;
  cancel(): void;
}

export function debounce(fn: () => void, delayMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    schedule() {
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        fn();
      }, delayMs);
    },
    flush() {
      if (timer === undefined) return;
      cancel();
      fn();
    },
    cancel,
  };
}
