import { signalsFromBits } from '@shared/domain/join-request';
import { SIGNAL_LABELS } from '@renderer/features/join-requests/signals';
import { formatAge, formatDuration } from '@renderer/ui/format';

/**
 * The rows the peers show: the same rows Modboard's queue shows (exported from the
 * same database, in the queue's default order), loaded the way such a screen usually
 * loads them: the whole list in one JSON response.
 */
export interface PeerRow {
  readonly id: string;
  readonly personName: string;
  readonly communityName: string;
  readonly parentCommunityName: string | null;
  readonly requestedAt: number;
  readonly accountCreatedAt: number | null;
  readonly firstAnswer: string;
  readonly signals: number;
  readonly status: string;
}

export async function loadRows(): Promise<PeerRow[]> {
  const response = await fetch('./rows.json');
  return (await response.json()) as PeerRow[];
}

/** The cell texts Modboard's columns show (joinRequestColumns), with the same formatters. */
export const TEXT = {
  community: (row: PeerRow) => (row.parentCommunityName ? `${row.communityName} · ${row.parentCommunityName}` : row.communityName),
  requested: (row: PeerRow) => formatAge(row.requestedAt),
  accountAge: (row: PeerRow) => (row.accountCreatedAt ? formatDuration(Date.now() - row.accountCreatedAt) : 'unknown'),
  answer: (row: PeerRow) => row.firstAnswer || '(no answer)',
  signals: (row: PeerRow) => signalsFromBits(row.signals).map((s) => SIGNAL_LABELS[s]).join(' · '),
};

export type AnswersChoice = '' | 'answered' | 'unanswered';

/** "Unanswered" as Modboard means it: no answer with anything but blanks. */
export const isUnanswered = (row: PeerRow) => row.firstAnswer.trim() === '';

/** The bench reads the displayed row count through this (AG Grid keeps its rows off the DOM). */
export interface PeerProbe {
  count(): number;
}

declare global {
  interface Window {
    __peer?: PeerProbe;
  }
}
