import type { ConnectionTest } from '@shared/domain/connection';
import { assertNever } from '@shared/assert-never';
import { CapabilityList } from './CapabilityList';

/** What Test found, shown under the connection it tested. */
export function TestResult({ result, platform }: { result: ConnectionTest; platform: string }) {
  switch (result.outcome) {
    case 'ok':
      return (
        <div role="status" aria-label="Test result">
          <p>
            Works: acting as <strong className="mb-text">{result.principal}</strong> ({result.latencyMs} ms).
          </p>
          {!result.scopesOk && <p className="mb-error">Missing permissions: {result.missing.join(', ')}.</p>}
          <CapabilityList capabilities={result.capabilities} platform={platform} />
        </div>
      );
    case 'refused':
    case 'unreachable':
    case 'no-credentials':
      return (
        <p role="alert" className="mb-error" aria-label="Test result">
          {result.message}
        </p>
      );
    default:
      return assertNever(result, 'test outcome');
  }
}
