import type { MessageBoxOptions } from 'electron';
import type { Logger } from '@services/app/host';
import { checkExternalUrl } from '@services/security/external-url';

/**
 * The one path by which a link leaves the app, used by the `shell.openExternal` call and
 * by the window-open handler alike: only http(s) without credentials, only after the user
 * confirms a dialog that names the host, and only one dialog at a time so a misbehaving
 * page cannot queue a stack of them.
 */
export interface OpenExternalDeps {
  confirm(prompt: MessageBoxOptions): Promise<boolean>;
  open(url: string): Promise<void>;
  readonly log: Logger;
}

export function createOpenExternal(deps: OpenExternalDeps): (raw: string) => Promise<boolean> {
  let asking = false;
  return async (raw) => {
    const verdict = checkExternalUrl(raw);
    if (!verdict.allowed) {
      deps.log.warn('External link refused', { reason: verdict.reason });
      return false;
    }
    if (asking) {
      deps.log.warn('External link ignored while another is being confirmed', { host: verdict.host });
      return false;
    }
    asking = true;
    try {
      if (!(await deps.confirm(externalLinkPrompt(verdict.url, verdict.host)))) return false;
      await deps.open(verdict.url);
      return true;
    } catch (error) {
      deps.log.error('Opening an external link failed', { host: verdict.host, error: error instanceof Error ? error.message : String(error) });
      return false;
    } finally {
      asking = false;
    }
  };
}

export const OPEN_BUTTON = 0;
export const CANCEL_BUTTON = 1;

/** `host` is the punycode form from the URL parser, so look-alike domains show as xn--. */
export function externalLinkPrompt(url: string, host: string): MessageBoxOptions {
  return {
    type: 'question',
    title: 'Open link',
    message: `Open ${host} in your browser?`,
    detail: url,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: CANCEL_BUTTON,
    cancelId: CANCEL_BUTTON,
    noLink: true,
  };
}
