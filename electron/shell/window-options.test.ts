import { describe, expect, it } from 'vitest';
import { BACKGROUND_COLORS, buildWindowOptions } from './window-options';
import { MIN_WINDOW_SIZE } from './window-bounds';

const base = {
  preloadPath: '/app/out/preload/index.cjs',
  placement: { kind: 'centered', size: { width: 1280, height: 800 }, maximized: false },
  darkBackground: true,
  devTools: false,
} as const;

describe('buildWindowOptions', () => {
  it('locks the renderer down', () => {
    expect(buildWindowOptions(base).webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('stays hidden until ready, titled, with a minimum size', () => {
    const options = buildWindowOptions(base);
    expect(options).toMatchObject({ show: false, title: 'Modboard', minWidth: MIN_WINDOW_SIZE.width, minHeight: MIN_WINDOW_SIZE.height });
    expect(options.backgroundColor).toBe(BACKGROUND_COLORS.dark);
    expect(buildWindowOptions({ ...base, darkBackground: false }).backgroundColor).toBe(BACKGROUND_COLORS.light);
  });

  it('centres a default-size window, or restores saved bounds', () => {
    expect(buildWindowOptions(base)).toMatchObject({ width: 1280, height: 800, center: true });
    expect(buildWindowOptions(base).x).toBeUndefined();
    const restored = buildWindowOptions({ ...base, placement: { kind: 'restored', bounds: { x: 40, y: 50, width: 1000, height: 700 }, maximized: true } });
    expect(restored).toMatchObject({ x: 40, y: 50, width: 1000, height: 700 });
    expect(restored.center).toBeUndefined();
  });
});
