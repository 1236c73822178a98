import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '@shared/flags/canonical-json';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The value as canonical JSON and the sha256 of that text: what is stored, and what proves it unchanged. */
export function seal(value: JsonValue): { readonly snapshot: string; readonly sha256: string } {
  const snapshot = canonicalJson(value);
  return { snapshot, sha256: sha256Hex(snapshot) };
}
