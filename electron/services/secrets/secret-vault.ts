import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encrypts secrets at rest. On the desktop the shell passes one backed by the OS
 * keychain (Electron safeStorage); under plain Node the default uses a random key in
 * a file only the user can read, beside the data. Either way tokens never sit in
 * `config.json`, in the database, or in a log line.
 */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export interface SecretVault {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

const KEY_FILE = 'secret.key';
const VAULT_FILE = 'secrets.json';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM with a per-install key file (mode 0600). */
export function fileKeyCipher(dataDir: string): SecretCipher {
  const keyPath = join(dataDir, KEY_FILE);
  if (!existsSync(keyPath)) writeFileSync(keyPath, randomBytes(32), { mode: 0o600, flag: 'wx' });
  chmodSync(keyPath, 0o600);
  const key = readFileSync(keyPath);
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

/** Secrets by name (e.g. `connection:<id>`), sealed one by one in `secrets.json`. */
export function createSecretVault(dataDir: string, cipher: SecretCipher = fileKeyCipher(dataDir)): SecretVault {
  const path = join(dataDir, VAULT_FILE);
  const load = (): Record<string, string> => {
    if (!existsSync(path)) return {};
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    } catch {
      // Set aside, never delete: the user may still recover it by hand.
      renameSync(path, `${path}.damaged-${Date.now()}`);
      return {};
    }
  };
  let sealed = load();
  const save = () => {
    const temp = `${path}.tmp`;
    writeFileSync(temp, JSON.stringify(sealed), { mode: 0o600 });
    renameSync(temp, path);
  };
  return {
    get(name) {
      const value = sealed[name];
      if (value === undefined) return null;
      try {
        return cipher.decrypt(Buffer.from(value, 'base64'));
      } catch {
        return null;
      }
    },
    set(name, value) {
      sealed = { ...sealed, [name]: cipher.encrypt(value).toString('base64') };
      save();
    },
    delete(name) {
      const { [name]: _removed, ...rest } = sealed;
      sealed = rest;
      save();
    },
  };
}
