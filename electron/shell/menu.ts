import { Menu, app, dialog } from 'electron';
import { buildMenuTemplate } from './menu-template';

export function installMenu(isDev: boolean): void {
  const onAbout = () => {
    void dialog.showMessageBox({
      type: 'info',
      title: `About ${app.name}`,
      message: `${app.name} ${app.getVersion()}`,
      detail: `Electron ${process.versions.electron}\nChromium ${process.versions.chrome}\nNode ${process.versions.node}`,
      buttons: ['OK'],
    });
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ appName: app.name, platform: process.platform, isDev, onAbout })));
}
