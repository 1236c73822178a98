import { randomBytes, timingSafeEqual } from 'node:crypto';

export type TokenCheck = 'ok' | 'missing' | 'invalid' | 'expired';

const newToken = () => `sbx_${randomBytes(18).toString('base64url')}`;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const bearer = (header: string | undefined): string | null => /^Bearer (\S+)$/.exec(header ?? '')?.[1] ?? null;

/**
 * The API token can expire (a fault) and be re-issued, as a platform's bot token
 * can be revoked; the launch token always opens the `/_sandbox` control endpoints,
 * so tests can heal a world whose API token they just expired.
 */
export class TokenStore {
  readonly launch: string;
  private api: string;
  private expired = false;
  private readonly retired: string[] = [];

  constructor(fixed?: string) {
    this.launch = fixed ?? newToken();
    this.api = this.launch;
  }

  get current(): string {
    return this.api;
  }

  get isExpired(): boolean {
    return this.expired;
  }

  checkApi(header: string | undefined): TokenCheck {
    const token = bearer(header);
    if (token === null) return 'missing';
    if (same(token, this.api)) return this.expired ? 'expired' : 'ok';
    return this.retired.some((old) => same(token, old)) ? 'expired' : 'invalid';
  }

  checkControl(header: string | undefined): boolean {
    const token = bearer(header);
    return token !== null && (same(token, this.launch) || (!this.expired && same(token, this.api)));
  }

  expire(): void {
    this.expired = true;
  }

  /** A fresh API token; the old one now answers `token_expired`. */
  reissue(): string {
    this.retired.push(this.api);
    this.api = newToken();
    this.expired = false;
    return this.api;
  }
}
