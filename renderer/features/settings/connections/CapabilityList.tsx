import { CAPABILITIES, type Capability } from '@shared/connectors';
import { CAPABILITY_WORDS } from '@shared/domain/connection';

/** What a connection can and cannot do, in a moderator's words; the "cannot" line is why actions elsewhere are disabled. */
export function CapabilityList({ capabilities, platform }: { capabilities: readonly Capability[]; platform: string }) {
  const lacking = CAPABILITIES.filter((capability) => !capabilities.includes(capability));
  return (
    <div className="mb-muted">
      <div>Can: {capabilities.length > 0 ? capabilities.map((c) => CAPABILITY_WORDS[c]).join(', ') : 'nothing yet'}.</div>
      {lacking.length > 0 && (
        <div>
          Cannot: {lacking.map((c) => CAPABILITY_WORDS[c]).join(', ')} ({platform} does not offer it to Modboard).
        </div>
      )}
    </div>
  );
}
