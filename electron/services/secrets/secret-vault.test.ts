import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretVault } from './secret-vault';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'modboard-vault-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('secret vault', () => {
  it('keeps secrets across reopenings without ever writing them in the clear', () => {
    createSecretVault(dir).set('connection:a', 'tok-123456-secret');
    expect(createSecretVault(dir).get('connection:a')).toBe('tok-123456-secret');
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain('tok-123456-secret');
    expect(statSync(join(dir, 'secret.key')).mode & 0o077).toBe(0);
  });

  it('forgets deleted secrets and sets a damaged vault aside', () => {
    const vault = createSecretVault(dir);
    vault.set('x', '1');
    vault.delete('x');
    expect(vault.get('x')).toBeNull();
    writeFileSync(join(dir, 'secrets.json'), '{broken');
    expect(createSecretVault(dir).get('x')).toBeNull();
  });
});
