import type { MenuItemConstructorOptions } from 'electron';

/**
 * A deliberately small menu. The Edit roles are what make copy, paste and undo work in
 * text fields (Electron wires those shortcuts through the menu). Reload and DevTools exist
 * only in development, and Help shows the version in-app instead of opening a web page.
 */
export interface MenuTemplateInput {
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  readonly isDev: boolean;
  readonly onAbout: () => void;
}

export function buildMenuTemplate(input: MenuTemplateInput): MenuItemConstructorOptions[] {
  const mac = input.platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: `About ${input.appName}`, click: input.onAbout };
  const devItems: MenuItemConstructorOptions[] = input.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: input.appName,
          submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
        },
      ]
    : [{ label: 'File', submenu: [{ role: 'quit' }] }];

  return [
    ...appMenu,
    {
      label: 'Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: 'View',
      submenu: [...devItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [about] },
  ];
}
