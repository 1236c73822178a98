import { describe, expect, it } from 'vitest';
import { checkRequest, isAllowedHost, isAllowedOrigin, urlWithoutToken, type RequestFacts } from './request-guard';

const config = { port: 4321, token: 'T0KEN' };
const facts = (over: Partial<RequestFacts>): RequestFacts => ({
  url: '/',
  host: '127.0.0.1:4321',
  cookie: undefined,
  origin: undefined,
  isUpgrade: false,
  ...over,
});

describe('isAllowedHost', () => {
  it('accepts only the loopback names with our port', () => {
    expect(isAllowedHost('127.0.0.1:4321', 4321)).toBe(true);
    expect(isAllowedHost('LOCALHOST:4321', 4321)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4322', 4321)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 4321)).toBe(false);
    expect(isAllowedHost('evil.example:4321', 4321)).toBe(false);
    expect(isAllowedHost('127.0.0.1.evil.example:4321', 4321)).toBe(false);
    expect(isAllowedHost(undefined, 4321)).toBe(false);
  });

  it('accepts a bare name only on port 80, where browsers omit it', () => {
    expect(isAllowedHost('localhost', 80)).toBe(true);
  });
});

describe('isAllowedOrigin', () => {
  it('accepts our own origin and non-browser clients without one', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4321', '127.0.0.1:4321')).toBe(true);
    expect(isAllowedOrigin(undefined, '127.0.0.1:4321')).toBe(true);
  });

  it('refuses other origins, other ports and the other loopback name', () => {
    expect(isAllowedOrigin('http://evil.example', '127.0.0.1:4321')).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:9999', '127.0.0.1:4321')).toBe(false);
    expect(isAllowedOrigin('http://localhost:4321', '127.0.0.1:4321')).toBe(false);
    expect(isAllowedOrigin('null', '127.0.0.1:4321')).toBe(false);
  });
});

describe('checkRequest', () => {
  it('checks the Host before anything else', () => {
    expect(checkRequest(facts({ host: 'evil.example:4321', url: '/?token=T0KEN' }), config)).toMatchObject({ allowed: false, status: 421 });
  });

  it('needs the token in the query or the cookie', () => {
    expect(checkRequest(facts({}), config)).toMatchObject({ allowed: false, status: 401 });
    expect(checkRequest(facts({ url: '/?token=wrong' }), config)).toMatchObject({ allowed: false, status: 401 });
    expect(checkRequest(facts({ url: '/?token=T0KEN' }), config)).toEqual({ allowed: true, tokenFrom: 'query' });
    expect(checkRequest(facts({ cookie: 'modboard-session-4321=T0KEN' }), config)).toEqual({ allowed: true, tokenFrom: 'cookie' });
    expect(checkRequest(facts({ cookie: 'modboard-session-9999=T0KEN' }), config)).toMatchObject({ status: 401 });
  });

  it('finds the right cookie among stale ones under the same name', () => {
    expect(checkRequest(facts({ cookie: 'modboard-session-4321=old; modboard-session-4321=T0KEN' }), config)).toMatchObject({ allowed: true });
  });

  it('checks the Origin of handshakes only', () => {
    const foreign = { cookie: 'modboard-session-4321=T0KEN', origin: 'http://evil.example' };
    expect(checkRequest(facts({ ...foreign, isUpgrade: true }), config)).toMatchObject({ allowed: false, status: 403 });
    expect(checkRequest(facts(foreign), config)).toMatchObject({ allowed: true });
  });
});

describe('urlWithoutToken', () => {
  it('drops only the token', () => {
    expect(urlWithoutToken('/?token=T')).toBe('/');
    expect(urlWithoutToken('/queues/join?view=2&token=T')).toBe('/queues/join?view=2');
    expect(urlWithoutToken('/plain')).toBe('/plain');
  });

  it('never produces a protocol-relative redirect', () => {
    expect(urlWithoutToken('//evil.example/?token=T')).toBe('/evil.example/');
    expect(urlWithoutToken('/\\evil.example?token=T')).toBe('/evil.example');
  });
});
