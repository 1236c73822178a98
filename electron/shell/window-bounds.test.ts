import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, boundsToSave, restoreWindowPlacement } from './window-bounds';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoreWindowPlacement', () => {
  it('opens centred at the default size the first time', () => {
    expect(restoreWindowPlacement(undefined, [laptop], laptop)).toEqual({ kind: 'centered', size: DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('restores bounds that sit on a connected display, including a secondary one', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900, maximized: false };
    expect(restoreWindowPlacement(saved, [laptop, rightMonitor], laptop)).toEqual({
      kind: 'restored',
      bounds: { x: 2000, y: 100, width: 1400, height: 900 },
      maximized: false,
    });
  });

  it('resets bounds that are off every display (monitor unplugged) but keeps maximized', () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900, maximized: true };
    expect(restoreWindowPlacement(saved, [laptop], laptop)).toEqual({ kind: 'centered', size: DEFAULT_WINDOW_SIZE, maximized: true });
  });

  it('resets bounds that only graze a display by a few pixels', () => {
    const saved = { x: 1910, y: 100, width: 1400, height: 900, maximized: false };
    expect(restoreWindowPlacement(saved, [laptop], laptop).kind).toBe('centered');
  });

  it('resets a window above the top edge, where its title bar cannot be grabbed', () => {
    const saved = { x: 100, y: -5000, width: 1400, height: 900, maximized: false };
    expect(restoreWindowPlacement(saved, [laptop], laptop).kind).toBe('centered');
  });

  it('shrinks the default size to a small primary display', () => {
    const small = { x: 0, y: 0, width: 1024, height: 700 };
    expect(restoreWindowPlacement(undefined, [small], small)).toMatchObject({ size: { width: 1024, height: 700 } });
  });
});

describe('boundsToSave', () => {
  it('rounds to whole pixels and keeps the maximized flag', () => {
    expect(boundsToSave({ x: 10.4, y: -20.6, width: 1200.2, height: 800 }, true)).toEqual({
      x: 10,
      y: -21,
      width: 1200,
      height: 800,
      maximized: true,
    });
  });

  it('skips bounds the settings schema would refuse', () => {
    expect(boundsToSave({ x: 0, y: 0, width: 100, height: 100 }, false)).toBeUndefined();
    expect(boundsToSave({ x: Number.NaN, y: 0, width: 1200, height: 800 }, false)).toBeUndefined();
  });
});
