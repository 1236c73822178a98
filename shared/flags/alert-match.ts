import { assertNever } from '../assert-never';
import { compileSafeRegex, type SafeRegex } from '../rules/regex';
import { containsWords, normalizeText, padded } from '../rules/text';
import type { AlertMatch } from './alert-rule-schema';

/** Machine steps one pattern may spend on one message before it counts as no match. */
export const REGEX_BUDGET = 200_000;

/** A rule's text test, compiled once for a batch of messages; null when nothing matched, else what did. */
export type TextMatcher = (body: string) => string | null;

/**
 * The matcher for rules decided by the message's own text. `repeated-text` needs the
 * store (other messages), so it has none here: the main side runs it in SQL.
 */
export function textMatcher(match: AlertMatch): TextMatcher | null {
  switch (match.kind) {
    case 'keywords':
      return keywordMatcher(match.words, match.match);
    case 'regex':
      return regexMatcher(compileSafeRegex(match.pattern, { caseSensitive: match.caseSensitive ?? false }));
    case 'link-domains':
      return domainMatcher(match.domains);
    case 'mention-flood':
      return (body) => {
        const n = countMentions(body);
        return n >= match.atLeast ? `${n} mentions` : null;
      };
    case 'repeated-text':
      return null;
    default:
      return assertNever(match, 'alert match');
  }
}

function keywordMatcher(words: readonly string[], mode: 'any' | 'all'): TextMatcher {
  const wanted = words.map(normalizeText).filter((word) => word !== '');
  return (body) => {
    const text = padded(normalizeText(body));
    const found = wanted.filter((word) => containsWords(text, word));
    const hit = mode === 'any' ? found.length > 0 : found.length === wanted.length && wanted.length > 0;
    return hit ? `keyword ${found.map((w) => `“${w}”`).join(', ')}` : null;
  };
}

function regexMatcher(regex: SafeRegex): TextMatcher {
  return (body) => (regex.search(body, REGEX_BUDGET) === 'match' ? `pattern /${regex.pattern}/` : null);
}

function domainMatcher(domains: readonly string[]): TextMatcher {
  const wanted = domains.map((d) => d.toLowerCase());
  return (body) => {
    for (const host of linkHosts(body)) {
      const hit = wanted.find((d) => host === d || host.endsWith(`.${d}`));
      if (hit) return `link to ${host}`;
    }
    return null;
  };
}

const MAX_TOKENS = 2_000;
const SCHEME = /^(?:https?:\/\/|www\.)/i;
const HOST = /^(?:[a-z0-9-]{1,63}\.){1,10}[a-z0-9-]{2,63}$/;

/**
 * Hosts of the links in a text: each whitespace-separated word that starts with a scheme
 * or `www.`, or looks like `name.tld/…`. Word by word, so the work is linear in the text.
 */
export function linkHosts(body: string): string[] {
  const hosts = new Set<string>();
  for (const word of body.split(/\s+/u).slice(0, MAX_TOKENS)) {
    const trimmed = word.replace(/^[<("'[]+/u, '');
    const explicit = SCHEME.test(trimmed);
    if (!explicit && !/^[^/]+\.[a-z]{2,}\//i.test(trimmed)) continue;
    const host = trimmed
      .replace(/^https?:\/\//i, '')
      .split(/[/?#:>)"'\]]/u)[0]!
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/\.$/, '');
    if (HOST.test(host)) hosts.add(host);
  }
  return [...hosts];
}

/** `@name` mentions, and Discord's `<@123>` ones. */
export function countMentions(body: string): number {
  return (body.match(/(?:^|[^\p{L}\p{N}_<])@[\p{L}\p{N}_.]{1,64}/gu)?.length ?? 0) + (body.match(/<@!?\d{1,20}>/g)?.length ?? 0);
}
