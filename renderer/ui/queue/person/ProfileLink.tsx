import { useState } from 'react';
import { useConnection } from '../../../client/ApiProvider';

/** Only web links: a `javascript:` or `file:` URL from a platform must never become a link. */
export function safeWebUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * The person's profile on the platform. On the desktop main opens it in the system
 * browser (after its own checks); in a browser it is a plain link in a new tab.
 */
export function ProfileLink({ url, name }: { url: string | null; name: string }) {
  const connection = useConnection();
  const [error, setError] = useState<string | null>(null);
  const href = safeWebUrl(url);
  if (!href) return null;
  const label = `Open the platform profile of ${name.slice(0, 200)}`;
  if (connection.host === 'browser') {
    return (
      <a href={href} target="_blank" rel="noopener noreferrer" aria-label={label}>
        Platform profile ↗
      </a>
    );
  }
  return (
    <>
      <button
        type="button"
        className="mb-button jr-small"
        aria-label={label}
        onClick={() =>
          void connection.api.call('shell.openExternal', { url: href }).then((result) => setError(result.ok ? null : result.error.message))
        }
      >
        Platform profile ↗
      </button>
      {error && (
        <span role="alert" className="mb-error">
          {' '}
          Could not open it: {error}
        </span>
      )}
    </>
  );
}
