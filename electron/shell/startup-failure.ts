import type { MessageBoxOptions } from 'electron';

/**
 * What the user sees when the services refuse to start (a database from a newer
 * version, a corrupt file, an unreadable settings file). The services' message is shown
 * as is; the app then quits without retrying, repairing or resetting anything.
 */
export function startupFailureDialog(error: unknown, dataDir: string): MessageBoxOptions {
  const reason = error instanceof Error && error.message ? error.message : String(error);
  return {
    type: 'error',
    title: 'Modboard could not start',
    message: 'Modboard could not start',
    detail: `${reason}\n\nNothing in your data folder was deleted or reset:\n${dataDir}`,
    buttons: ['Quit'],
    defaultId: 0,
    noLink: true,
  };
}
