import { unit } from './hash';
import { skewedPick, WORDS } from './vocabulary';

/**
 * Message `i` of the synthetic chat history: 6–13 words, skewed so a few are common
 * and most are rare, plus a ticket-like token (`k0`…`k996`) that matches about one
 * message in a thousand: searches range from broad to selective.
 */
export const TICKETS = 997;

export function messageBody(i: number): string {
  const count = 6 + Math.floor(unit(i, 40) * 8);
  const words: string[] = [];
  for (let k = 0; k < count; k++) words.push(WORDS[skewedPick(Math.sqrt(unit(i, 41 + k)), WORDS.length)] ?? '');
  return `${words.join(' ')} #k${i % TICKETS}`;
}

/** Search terms from broad to selective, each asked once (every sample is a new query). */
export function searchTerms(count: number): string[] {
  const broad = ['friend', 'photos', 'garden'];
  const middle = WORDS.slice(30, 60);
  const rare = WORDS.slice(90);
  const terms: string[] = [];
  for (let k = 0; terms.length < count; k++) {
    const kind = k % 5;
    if (kind === 0) terms.push(broad[Math.floor(k / 5) % broad.length] ?? 'friend');
    else if (kind === 1) terms.push(middle[k % middle.length] ?? 'events');
    else if (kind === 2) terms.push(rare[k % rare.length] ?? 'quasar');
    else if (kind === 3) terms.push(`k${(k * 37) % TICKETS}`);
    else terms.push(`${middle[(k + 3) % middle.length]} ${rare[(k + 5) % rare.length]}`);
  }
  return [...new Set(terms)].slice(0, count);
}
