/**
 * Scroll math for a body of `total` fixed-height rows.
 *
 * Browsers cap element height (Chrome ~33.5M px, Firefox ~17.9M px). Past
 * MAX_PHYSICAL_HEIGHT the spacer stays at that height and the scroll position
 * is scaled: "virtual" offsets are where rows would be in an uncapped list,
 * "physical" offsets are the real scrollTop. Both ends map exactly, so the
 * first and last rows stay reachable with the scrollbar.
 */

export const MAX_PHYSICAL_HEIGHT = 15_000_000;

export interface ScrollGeometry {
  readonly total: number;
  readonly rowHeight: number;
  /** Height available to rows (the scroller minus the sticky header). */
  readonly viewportHeight: number;
  readonly virtualHeight: number;
  readonly physicalHeight: number;
  readonly compressed: boolean;
}

/** A programmatic scroll: the exact virtual top we meant, and the physical top the browser kept. */
export interface PinnedTop {
  readonly physical: number;
  readonly virtual: number;
  readonly virtualHeight: number;
  readonly viewportHeight: number;
}

export interface ResolvedTop {
  readonly physicalTop: number;
  readonly virtualTop: number;
}

export function scrollGeometry(input: {
  total: number;
  rowHeight: number;
  viewportHeight: number;
  maxPhysicalHeight?: number;
}): ScrollGeometry {
  const maxPhysical = input.maxPhysicalHeight ?? MAX_PHYSICAL_HEIGHT;
  const virtualHeight = Math.max(0, input.total) * input.rowHeight;
  const compressed = virtualHeight > maxPhysical;
  return {
    total: Math.max(0, input.total),
    rowHeight: input.rowHeight,
    viewportHeight: Math.max(0, input.viewportHeight),
    virtualHeight,
    physicalHeight: compressed ? maxPhysical : virtualHeight,
    compressed,
  };
}

function maxTop(height: number, viewport: number): number {
  return Math.max(0, height - viewport);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

export function toVirtualTop(geometry: ScrollGeometry, physicalTop: number): number {
  const physicalMax = maxTop(geometry.physicalHeight, geometry.viewportHeight);
  const physical = clamp(physicalTop, 0, physicalMax);
  if (!geometry.compressed || physicalMax === 0) return physical;
  return (physical * maxTop(geometry.virtualHeight, geometry.viewportHeight)) / physicalMax;
}

export function toPhysicalTop(geometry: ScrollGeometry, virtualTop: number): number {
  const virtualMax = maxTop(geometry.virtualHeight, geometry.viewportHeight);
  const virtual = clamp(virtualTop, 0, virtualMax);
  if (!geometry.compressed || virtualMax === 0) return virtual;
  return (virtual * maxTop(geometry.physicalHeight, geometry.viewportHeight)) / virtualMax;
}

/**
 * Compressed, one physical pixel is several virtual ones, so a scroll we set
 * cannot be read back exactly. While scrollTop still holds what we wrote, keep
 * the virtual top we asked for, so a revealed row is not clipped by rounding.
 */
export function resolveTop(geometry: ScrollGeometry, physicalTop: number, pin: PinnedTop | null): ResolvedTop {
  const physical = clamp(physicalTop, 0, maxTop(geometry.physicalHeight, geometry.viewportHeight));
  const pinHolds =
    pin !== null &&
    pin.virtualHeight === geometry.virtualHeight &&
    pin.viewportHeight === geometry.viewportHeight &&
    Math.abs(pin.physical - physicalTop) < 1;
  return { physicalTop: physical, virtualTop: pinHolds ? pin.virtual : toVirtualTop(geometry, physical) };
}

/** Inclusive rows intersecting the viewport, widened by `overscan`; `last < first` when empty. */
export function visibleRange(
  geometry: ScrollGeometry,
  virtualTop: number,
  overscan: number,
): { first: number; last: number } {
  if (geometry.total === 0) return { first: 0, last: -1 };
  const first = Math.floor(virtualTop / geometry.rowHeight);
  const last = Math.ceil((virtualTop + geometry.viewportHeight) / geometry.rowHeight) - 1;
  return {
    first: clamp(first - overscan, 0, geometry.total - 1),
    last: clamp(Math.max(first, last) + overscan, 0, geometry.total - 1),
  };
}

/** translateY of a row inside the spacer, so it lands at its virtual place in the viewport. */
export function rowOffset(geometry: ScrollGeometry, index: number, top: ResolvedTop): number {
  const virtualStart = index * geometry.rowHeight;
  return geometry.compressed ? top.physicalTop + virtualStart - top.virtualTop : virtualStart;
}

/** The nearest virtual top that shows `index` entirely (unchanged if it already is). */
export function revealTop(geometry: ScrollGeometry, index: number, virtualTop: number): number {
  const rowTop = index * geometry.rowHeight;
  const rowBottom = rowTop + geometry.rowHeight;
  let next = virtualTop;
  if (rowTop < virtualTop || geometry.viewportHeight < geometry.rowHeight) next = rowTop;
  else if (rowBottom > virtualTop + geometry.viewportHeight) next = rowBottom - geometry.viewportHeight;
  return clamp(next, 0, maxTop(geometry.virtualHeight, geometry.viewportHeight));
}

/** Whole rows that fit in the viewport: the PageUp/PageDown step. */
export function rowsPerPage(geometry: ScrollGeometry): number {
  return Math.max(1, Math.floor(geometry.viewportHeight / geometry.rowHeight));
}
