import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Modboard';
export const DATABASE_FILE = 'modboard.sqlite';

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives
 * for an app named Modboard, so the desktop app and browser mode share data.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER_NAME);
  }
}
