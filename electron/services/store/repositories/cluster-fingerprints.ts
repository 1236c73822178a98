import type { JoinRequestItem } from '@shared/connectors';
import { normalizeText } from '@shared/rules/text';
import { clusterKeyOf, hasLink } from './signals';

/**
 * What near-identical requests share. Each request gets up to one fingerprint per
 * link it carries, one for its name pattern and one for its answers; requests with
 * the same fingerprint close in time form a burst (join-request-signals.ts).
 * Earlier kinds win when a request is in more than one burst.
 */
export const CLUSTER_KINDS = ['link', 'name', 'answers'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

export interface Fingerprint {
  readonly kind: ClusterKind;
  /** Stored and compared: the kind and a hash of the shared text (short, fixed length). */
  readonly value: string;
  /** The shared text itself, shown in the cluster's reason. */
  readonly label: string;
}

const MAX_LABEL = 120;
/** Links are looked for among an answer's first words only: a 100 KB answer costs no more. */
const MAX_TOKENS = 200;
const MAX_TOKEN_LENGTH = 300;
/** Answers this short ("yes", "ok") are what everyone writes: never a fingerprint. */
const MIN_ANSWER_WORDS = 2;
const MIN_ANSWER_LETTERS = 8;

/** Two 32-bit FNV-style lanes: collisions are negligible among one desk's fingerprints. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(36) + (b >>> 0).toString(36);
}

const make = (kind: ClusterKind, text: string, label: string): Fingerprint => ({ kind, value: `${kind}:${hash(text)}`, label: label.slice(0, MAX_LABEL) });

/** A link as the same link however written: no scheme, no `www.`, no trailing punctuation, lower-case. */
export function normalizeLink(token: string): string {
  return token
    .toLowerCase()
    .replace(/^[("'<[]+/, '')
    .replace(/[)"'>\].,!?;:]+$/, '')
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

export function linksIn(answer: string): string[] {
  if (!answer.includes('.')) return [];
  const tokens = answer.split(/\s+/, MAX_TOKENS).filter((t) => t.length > 3 && t.length <= MAX_TOKEN_LENGTH && t.includes('.'));
  return [...new Set(tokens.filter(hasLink).map(normalizeLink).filter((link) => link.includes('.')))];
}

/** Digits become `#`: "crypto gains 1042" and "crypto gains 1043" share "crypto gains #". Null without digits. */
export function namePattern(displayName: string): string | null {
  if (!/\p{N}/u.test(displayName)) return null;
  const normalized = normalizeText(displayName);
  if (!/\p{N}/u.test(normalized) || (normalized.match(/\p{L}/gu)?.length ?? 0) < 2) return null;
  return normalized.replace(/\p{N}+/gu, '#');
}

/** Near-same answers meet: case, accents, punctuation, emoji, digits and doubled letters aside ("pleeease" = "please"). */
export function answersPattern(item: Pick<JoinRequestItem, 'answers'>): string | null {
  const key = clusterKeyOf(item.answers);
  if (key === null) return null;
  const pattern = key.replace(/\p{N}+/gu, '#').replace(/(\p{L})\1+/gu, '$1');
  const words = pattern.split(/[ |]+/).filter((w) => w !== '');
  const letters = pattern.match(/\p{L}/gu)?.length ?? 0;
  return words.length >= MIN_ANSWER_WORDS && letters >= MIN_ANSWER_LETTERS ? pattern.slice(0, 400) : null;
}

export function fingerprintsOf(item: Pick<JoinRequestItem, 'answers' | 'person'>): Fingerprint[] {
  return new Fingerprinter().of(item);
}

/**
 * Fingerprints for one ingested page. The answers part is remembered per distinct set
 * of answers: a page repeats the same stock answers (and a raid the same plea) many times.
 */
export class Fingerprinter {
  private readonly answers = new Map<string, Fingerprint | null>();

  of(item: Pick<JoinRequestItem, 'answers' | 'person'>): Fingerprint[] {
    const found: Fingerprint[] = [];
    const links = new Set(item.answers.flatMap((a) => linksIn(a.answer)));
    for (const link of links) found.push(make('link', link, link));
    const name = namePattern(item.person.displayName);
    if (name) found.push(make('name', name, name));
    const answers = this.answersOf(item);
    if (answers) found.push(answers);
    return found;
  }

  private answersOf(item: Pick<JoinRequestItem, 'answers'>): Fingerprint | null {
    const raw = item.answers.map((a) => a.answer).join('\u0000');
    const known = this.answers.get(raw);
    if (known !== undefined) return known;
    const pattern = answersPattern(item);
    const fingerprint = pattern ? make('answers', pattern, item.answers.find((a) => a.answer.trim() !== '')?.answer.trim() ?? pattern) : null;
    this.answers.set(raw, fingerprint);
    return fingerprint;
  }
}
