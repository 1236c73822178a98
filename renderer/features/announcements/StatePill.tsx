import type { AnnouncementStatus, DeliveryState, PreflightStatus } from '@shared/domain/announcements';

type Tone = '' | 'mb-pill--good' | 'mb-pill--warn' | 'mb-pill--bad';

const TONES: Readonly<Record<AnnouncementStatus | DeliveryState | PreflightStatus, Tone>> = {
  draft: '',
  scheduled: 'mb-pill--warn',
  sending: 'mb-pill--warn',
  sent: 'mb-pill--good',
  failed: 'mb-pill--bad',
  cancelled: '',
  queued: 'mb-pill--warn',
  edited: 'mb-pill--good',
  deleted: '',
  ready: 'mb-pill--good',
  problem: 'mb-pill--bad',
  excluded: '',
};

/** An announcement's, a receipt's or a preview row's state, coloured by what it asks of the user. */
export function StatePill({ state, label }: { state: AnnouncementStatus | DeliveryState | PreflightStatus; label?: string }) {
  return <span className={`mb-pill ${TONES[state]}`}>{label ?? state}</span>;
}
