import { windowBoundsSchema, type WindowBounds } from '@shared/domain/settings';

/**
 * Where the window opens. Saved bounds come back only if enough of the title bar would
 * land on a display that is connected now; a window restored onto an unplugged monitor
 * is invisible and cannot be dragged back. Otherwise it opens centred at the default size.
 * The maximized flag is kept either way.
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export type WindowPlacement =
  | { readonly kind: 'restored'; readonly bounds: Rect; readonly maximized: boolean }
  | { readonly kind: 'centered'; readonly size: Size; readonly maximized: boolean };

export const DEFAULT_WINDOW_SIZE: Size = { width: 1280, height: 800 };
/** At least the schema's minimum (400×300), so any bounds the window can have are savable. */
export const MIN_WINDOW_SIZE: Size = { width: 800, height: 500 };
/** How much of the window must overlap a work area to count as reachable. */
const MIN_VISIBLE: Size = { width: 120, height: 40 };

export function restoreWindowPlacement(
  saved: WindowBounds | undefined,
  workAreas: readonly Rect[],
  primaryWorkArea: Rect,
): WindowPlacement {
  const maximized = saved?.maximized ?? false;
  if (saved && workAreas.some((area) => isReachable(saved, area))) {
    const { x, y, width, height } = saved;
    return { kind: 'restored', bounds: { x, y, width, height }, maximized };
  }
  const size = {
    width: Math.min(DEFAULT_WINDOW_SIZE.width, primaryWorkArea.width),
    height: Math.min(DEFAULT_WINDOW_SIZE.height, primaryWorkArea.height),
  };
  return { kind: 'centered', size, maximized };
}

function isReachable(window: Rect, area: Rect): boolean {
  const overlapWidth = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const overlapHeight = Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y);
  return overlapWidth >= MIN_VISIBLE.width && overlapHeight >= MIN_VISIBLE.height;
}

/**
 * What goes into the settings file: the un-maximized bounds plus the flag, or nothing when
 * they would not pass the schema (the file's validator would throw on write otherwise).
 */
export function boundsToSave(normalBounds: Rect, maximized: boolean): WindowBounds | undefined {
  const candidate = {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(normalBounds.width),
    height: Math.round(normalBounds.height),
    maximized,
  };
  const parsed = windowBoundsSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
