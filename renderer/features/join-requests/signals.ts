import type { JoinSignal } from '@shared/domain/join-request';

/** Short names for the queue's signal badges and filter toggles. */
export const SIGNAL_LABELS: Readonly<Record<JoinSignal, string>> = {
  'link-in-answer': 'link in answer',
  'empty-answers': 'no answers',
  'new-account': 'new account',
  'many-requests-today': 'many requests today',
  'declined-elsewhere': 'declined elsewhere',
  cluster: 'cluster',
  'marked-for-review': 'review (rule)',
};
