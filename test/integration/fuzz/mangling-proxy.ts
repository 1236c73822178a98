import fc from 'fast-check';
import { startForwardingProxy } from '../../platforms/forwarding-proxy';

/**
 * A loopback HTTP proxy in front of a platform's fake server: requests go through
 * untouched, and the answer to the request chosen by a test comes back mangled the way
 * networks and broken platforms mangle answers. Connectors are tested over real HTTP,
 * and every one of them, Sandbox included, gets the same damage.
 */
export type Mangle =
  | { readonly kind: 'truncate'; readonly keep: number }
  | { readonly kind: 'retype'; readonly node: number; readonly value: unknown }
  | { readonly kind: 'drop-key'; readonly node: number }
  | { readonly kind: 'oversize'; readonly node: number; readonly bytes: number }
  | { readonly kind: 'replace'; readonly body: string; readonly contentType: string };

const HUGE = 3_000_000;

export const mangleArbitrary: fc.Arbitrary<Mangle> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
  fc.record({
    kind: fc.constant('retype' as const),
    node: fc.nat(),
    value: fc.oneof(fc.constantFrom(null, true, false, 0, -1, 2 ** 53, 1e308, '', 'x', [], {}, [1, 'a'], { a: { b: null } }), fc.jsonValue({ maxDepth: 2 })),
  }),
  fc.record({ kind: fc.constant('drop-key' as const), node: fc.nat() }),
  fc.record({ kind: fc.constant('oversize' as const), node: fc.nat(), bytes: fc.constantFrom(100_000, HUGE) }),
  fc.record({
    kind: fc.constant('replace' as const),
    contentType: fc.constantFrom('application/json', 'text/html'),
    body: fc.oneof(
      fc.constantFrom('', 'null', '[]', '{}', '"ok"', '<html><body>502 Bad Gateway</body></html>', '{"ok":true', '\u0000\u0001', '{"a":'.repeat(5_000)),
      fc.json({ maxDepth: 3 }),
    ),
  }),
);

/** Every node of a JSON value (objects, arrays and leaves), depth first, with a way to replace or delete it. */
interface Slot {
  readonly value: unknown;
  set(value: unknown): void;
  remove(): void;
}

function slots(root: { value: unknown }): Slot[] {
  const out: Slot[] = [];
  const visit = (value: unknown, set: (v: unknown) => void, remove: () => void) => {
    out.push({ value, set, remove });
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, (v) => (value[i] = v), () => value.splice(i, 1)));
    else if (value && typeof value === 'object')
      for (const key of Object.keys(value)) {
        const record = value as Record<string, unknown>;
        visit(record[key], (v) => (record[key] = v), () => delete record[key]);
      }
  };
  visit(root.value, (v) => (root.value = v), () => (root.value = undefined));
  return out;
}

export function mangle(text: string, how: Mangle): { body: string; contentType: string } {
  const json = 'application/json; charset=utf-8';
  if (how.kind === 'replace') return { body: how.body, contentType: how.contentType };
  if (how.kind === 'truncate') return { body: text.slice(0, Math.floor(text.length * how.keep)), contentType: json };
  let parsed: { value: unknown };
  try {
    parsed = { value: JSON.parse(text) as unknown };
  } catch {
    return { body: text.slice(0, text.length >> 1), contentType: json };
  }
  const all = slots(parsed);
  const target = all[('node' in how ? how.node : 0) % all.length];
  if (!target) return { body: text, contentType: json };
  switch (how.kind) {
    case 'retype':
      target.set(how.value);
      break;
    case 'drop-key':
      target.remove();
      break;
    case 'oversize':
      target.set(typeof target.value === 'string' || target.value === null ? 'x'.repeat(how.bytes) : Array.from({ length: how.bytes / 10 }, (_, i) => i));
      break;
  }
  return { body: JSON.stringify(parsed.value) ?? '', contentType: json };
}

export interface ManglingProxy {
  /** The base URL to give the connector: the proxy's origin with the upstream's path. */
  readonly baseUrl: string;
  /** Mangles the answer to the `nth` request from now (0 = the next one). */
  arm(nth: number, how: Mangle): void;
  /** What the last armed request got: its upstream status, or null if it has not happened. */
  readonly mangled: { status: number } | null;
  close(): Promise<void>;
}

export async function startManglingProxy(upstream: string): Promise<ManglingProxy> {
  let armed: { countdown: number; how: Mangle } | null = null;
  let mangled: { status: number } | null = null;
  const proxy = await startForwardingProxy(upstream, (answer) => {
    if (!armed || armed.countdown-- !== 0) return null;
    const out = mangle(answer.text, armed.how);
    mangled = { status: answer.status };
    armed = null;
    return out;
  });
  return {
    baseUrl: proxy.baseUrl,
    arm(nth, how) {
      armed = { countdown: nth, how };
      mangled = null;
    },
    get mangled() {
      return mangled;
    },
    close: () => proxy.close(),
  };
}
