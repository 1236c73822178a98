import { describe, expect, it } from 'vitest';
import {
  MAX_PHYSICAL_HEIGHT,
  resolveTop,
  revealTop,
  rowOffset,
  rowsPerPage,
  scrollGeometry,
  toPhysicalTop,
  toVirtualTop,
  visibleRange,
} from './scroll-scale';

const ROW = 28;
const VIEW = 560; // 20 rows

describe('uncompressed bodies', () => {
  const geometry = scrollGeometry({ total: 100_000, rowHeight: ROW, viewportHeight: VIEW });

  it('uses the real height and maps offsets one to one', () => {
    expect(geometry.compressed).toBe(false);
    expect(geometry.physicalHeight).toBe(2_800_000);
    expect(toVirtualTop(geometry, 12_345)).toBe(12_345);
    expect(toPhysicalTop(geometry, 12_345)).toBe(12_345);
  });

  it('positions rows at index × height regardless of scroll', () => {
    const top = resolveTop(geometry, 5000, null);
    expect(rowOffset(geometry, 200, top)).toBe(200 * ROW);
  });

  it('computes the visible range with overscan and clamps at the ends', () => {
    expect(visibleRange(geometry, 0, 5)).toEqual({ first: 0, last: 24 });
    expect(visibleRange(geometry, 28 * 100 + 14, 0)).toEqual({ first: 100, last: 120 });
    const bottom = toVirtualTop(geometry, Number.MAX_SAFE_INTEGER);
    expect(visibleRange(geometry, bottom, 5).last).toBe(99_999);
  });

  it('has no rows to show when empty', () => {
    const empty = scrollGeometry({ total: 0, rowHeight: ROW, viewportHeight: VIEW });
    expect(visibleRange(empty, 0, 5)).toEqual({ first: 0, last: -1 });
    expect(empty.physicalHeight).toBe(0);
  });
});

describe('compressed bodies', () => {
  it.each([1_000_000, 10_000_000, 50_000_000])('keeps the spacer under the cap and the last of %i rows reachable', (total) => {
    const geometry = scrollGeometry({ total, rowHeight: ROW, viewportHeight: VIEW });
    expect(geometry.compressed).toBe(true);
    expect(geometry.physicalHeight).toBe(MAX_PHYSICAL_HEIGHT);
    const physicalMax = geometry.physicalHeight - VIEW;
    const top = resolveTop(geometry, physicalMax, null);
    expect(top.virtualTop).toBeCloseTo(total * ROW - VIEW, 3);
    const range = visibleRange(geometry, top.virtualTop, 0);
    expect(range.last).toBe(total - 1);
    // The last row's bottom edge sits exactly on the bottom of the spacer, inside the element.
    expect(rowOffset(geometry, total - 1, top) + ROW).toBeCloseTo(geometry.physicalHeight, 3);
  });

  it('maps the top to row 0 and round-trips offsets', () => {
    const geometry = scrollGeometry({ total: 2_000_000, rowHeight: ROW, viewportHeight: VIEW });
    expect(toVirtualTop(geometry, 0)).toBe(0);
    const virtual = 31_337_000;
    expect(toVirtualTop(geometry, toPhysicalTop(geometry, virtual))).toBeCloseTo(virtual, 3);
  });

  it('places visible rows at their viewport position, not at index × height', () => {
    const geometry = scrollGeometry({ total: 2_000_000, rowHeight: ROW, viewportHeight: VIEW });
    const top = resolveTop(geometry, 7_000_000, null);
    const first = visibleRange(geometry, top.virtualTop, 0).first;
    const offsetInViewport = rowOffset(geometry, first, top) - top.physicalTop;
    expect(offsetInViewport).toBeLessThanOrEqual(0);
    expect(offsetInViewport).toBeGreaterThan(-ROW);
  });

  it('honours a custom cap', () => {
    const geometry = scrollGeometry({ total: 1000, rowHeight: ROW, viewportHeight: VIEW, maxPhysicalHeight: 10_000 });
    expect(geometry.compressed).toBe(true);
    expect(geometry.physicalHeight).toBe(10_000);
  });
});

describe('pinned programmatic scrolls', () => {
  const geometry = scrollGeometry({ total: 5_000_000, rowHeight: ROW, viewportHeight: VIEW });
  const wanted = 123_456 * ROW;
  const written = Math.round(toPhysicalTop(geometry, wanted));
  const pin = { physical: written, virtual: wanted, virtualHeight: geometry.virtualHeight, viewportHeight: VIEW };

  it('rounding the written scrollTop alone would misplace the row', () => {
    expect(Math.abs(toVirtualTop(geometry, written) - wanted)).toBeGreaterThan(0);
  });

  it('keeps the exact virtual top while scrollTop holds the written value', () => {
    expect(resolveTop(geometry, written, pin).virtualTop).toBe(wanted);
  });

  it('drops the pin once the user scrolls or the geometry changes', () => {
    expect(resolveTop(geometry, written + 40, pin).virtualTop).toBe(toVirtualTop(geometry, written + 40));
    const grown = scrollGeometry({ total: 5_000_001, rowHeight: ROW, viewportHeight: VIEW });
    expect(resolveTop(grown, written, pin).virtualTop).toBe(toVirtualTop(grown, written));
  });
});

describe('revealing the focused row', () => {
  const geometry = scrollGeometry({ total: 1000, rowHeight: ROW, viewportHeight: VIEW });

  it('does not move when the row is fully visible', () => {
    expect(revealTop(geometry, 10, 0)).toBe(0);
  });

  it('scrolls down just enough to show a row below', () => {
    expect(revealTop(geometry, 20, 0)).toBe(21 * ROW - VIEW);
  });

  it('scrolls up to a row above', () => {
    expect(revealTop(geometry, 5, 1000)).toBe(5 * ROW);
  });

  it('shows a row partly cut at the bottom entirely', () => {
    const top = 14; // row 20 is cut by half a row
    expect(revealTop(geometry, 20, top)).toBe(21 * ROW - VIEW);
  });

  it('never scrolls past the end', () => {
    expect(revealTop(geometry, 999, 0)).toBe(1000 * ROW - VIEW);
  });

  it('reports whole rows per page, at least one', () => {
    expect(rowsPerPage(geometry)).toBe(20);
    expect(rowsPerPage(scrollGeometry({ total: 10, rowHeight: ROW, viewportHeight: 10 }))).toBe(1);
  });
});
