import type { ReactNode } from 'react';
import { useApi, useConnection } from '../../client/ApiProvider';

/**
 * A link that leaves the app. On the desktop main opens it after the user confirms;
 * in browser mode it is an ordinary link in a new tab, without referrer or opener.
 */
export function ExternalLink({ url, children }: { url: string; children: ReactNode }) {
  const api = useApi();
  const { host } = useConnection();
  if (!/^https:\/\//i.test(url)) return <span className="mb-muted">{children}</span>;
  if (host === 'desktop')
    return (
      <button type="button" className="mb-button" onClick={() => void api.call('shell.openExternal', { url })}>
        {children}
      </button>
    );
  return (
    <a className="mb-button" href={url} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
