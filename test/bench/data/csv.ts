import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** RFC 4180 fields, every one quoted: answers carry commas, quotes and newlines. */
export const csvLine = (fields: readonly (string | number | null)[]): string =>
  fields.map((f) => (f === null ? '' : `"${String(f).replaceAll('"', '""')}"`)).join(',') + '\n';

/** Writes lines to `file` in large chunks, honouring back-pressure. */
export async function writeLines(file: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
