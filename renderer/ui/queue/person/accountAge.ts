import { formatDuration } from '../../format';

/** "3 mo old": how old the account is now (the clock is read here, not in a component's render). */
export function accountAgeText(createdAt: number | null, now: number = Date.now()): string {
  return createdAt ? `${formatDuration(now - createdAt)} old` : 'age unknown';
}
