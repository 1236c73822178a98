import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu-template';

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const roles = (items: readonly MenuItemConstructorOptions[]) => flatten(items).map((item) => item.role).filter(Boolean);

describe('buildMenuTemplate', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('has the edit roles that make copy and paste work on %s', (platform) => {
    const template = buildMenuTemplate({ appName: 'Modboard', platform, isDev: false, onAbout: () => {} });
    expect(roles(template)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
  });

  it('keeps reload and DevTools out of production', () => {
    const production = roles(buildMenuTemplate({ appName: 'Modboard', platform: 'win32', isDev: false, onAbout: () => {} }));
    expect(production).not.toContain('toggleDevTools');
    expect(production).not.toContain('reload');
    const dev = roles(buildMenuTemplate({ appName: 'Modboard', platform: 'win32', isDev: true, onAbout: () => {} }));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has a Help item that only shows the in-app about box', () => {
    const onAbout = vi.fn();
    const template = buildMenuTemplate({ appName: 'Modboard', platform: 'linux', isDev: false, onAbout });
    const help = template.find((item) => item.role === 'help');
    const items = Array.isArray(help?.submenu) ? help.submenu : [];
    expect(items).toHaveLength(1);
    const clickable = flatten(template).filter((item) => item.click);
    expect(clickable.every((item) => item.click === onAbout)).toBe(true);
  });

  it('puts an app menu first on macOS', () => {
    const template = buildMenuTemplate({ appName: 'Modboard', platform: 'darwin', isDev: false, onAbout: () => {} });
    expect(template[0]?.label).toBe('Modboard');
  });
});
