import type { WebContents } from 'electron';
import type { Logger } from '@services/app/host';
import { isAppUrl, originOf, type AppOrigin } from './app-origin';

/**
 * Keeps every web contents on the app's own origin. Navigations and redirects elsewhere
 * are stopped (a navigated page would inherit the preload bridge), new windows are never
 * created (http(s) links go to the browser after asking), and webviews never attach.
 * Installed from `web-contents-created`, so it covers contents we did not create directly.
 */
export interface NavigationGuardOptions {
  readonly appOrigin: AppOrigin;
  readonly openExternal: (url: string) => Promise<boolean>;
  readonly log: Logger;
}

export function guardNavigation(contents: WebContents, options: NavigationGuardOptions): void {
  const { appOrigin, log } = options;
  const refuseForeign = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url, appOrigin)) return;
    event.preventDefault();
    log.warn(`${kind} refused`, { origin: originOf(event.url) ?? '(opaque)' });
  };
  contents.on('will-navigate', refuseForeign('Navigation'));
  contents.on('will-redirect', refuseForeign('Redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    void options.openExternal(url);
    return { action: 'deny' };
  });
}
