import { startForwardingProxy } from '../../platforms/forwarding-proxy';

/**
 * A loopback proxy in front of the Sandbox that forwards every request untouched, so
 * the platform really applies it, and replaces the body of the next `count` successful
 * answers to requests matching `garble` with `body`: a cut stream, an HTML page from a
 * proxy, JSON of another shape. The status stays 2xx.
 */
export interface GarblingProxy {
  readonly baseUrl: string;
  garble(match: (method: string, path: string) => boolean, body: string, count?: number): void;
  /** How many answers were garbled so far. */
  readonly garbled: number;
  close(): Promise<void>;
}

export async function startGarblingProxy(upstream: string): Promise<GarblingProxy> {
  let rule: { match: (method: string, path: string) => boolean; body: string; left: number } | null = null;
  let garbled = 0;
  const proxy = await startForwardingProxy(upstream, (answer) => {
    if (!rule || rule.left <= 0 || !answer.ok || !rule.match(answer.method, answer.path)) return null;
    rule.left -= 1;
    garbled += 1;
    return { body: rule.body, contentType: answer.contentType };
  });
  return {
    baseUrl: proxy.baseUrl,
    garble(match, text, count = 1) {
      rule = { match, body: text, left: count };
    },
    get garbled() {
      return garbled;
    },
    close: () => proxy.close(),
  };
}
