import { useLayoutEffect, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { flushSync } from 'react-dom';
import type { PinnedTop } from './scroll-scale';

export interface Viewport {
  /** The scroller's scrollTop: the physical offset. */
  readonly top: number;
  /** The scroller's client height, header included. */
  readonly height: number;
  /** Set by a programmatic scroll; see `resolveTop`. */
  readonly pin: PinnedTop | null;
}

const INITIAL: Viewport = { top: 0, height: 0, pin: null };

/**
 * Tracks the scroll offset and size of the grid's scroller. The scroller must
 * be rendered by the calling component: a parent's ref is attached only after
 * a child's layout effects have run, too late for the first measurement.
 */
export function useScrollViewport(
  scrollerRef: RefObject<HTMLElement | null>,
): [Viewport, Dispatch<SetStateAction<Viewport>>] {
  const [viewport, setViewport] = useState(INITIAL);

  useLayoutEffect(() => {
    const element = scrollerRef.current;
    if (!element) return;
    const read = () =>
      setViewport((previous) =>
        previous.top === element.scrollTop && previous.height === element.clientHeight
          ? previous
          : { top: element.scrollTop, height: element.clientHeight, pin: previous.pin },
      );
    read();
    // Rows must move in the frame the browser scrolls, or a fast fling paints blank rows for a frame.
    const onScroll = () => flushSync(read);
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scrollerRef]);

  return [viewport, setViewport];
}
