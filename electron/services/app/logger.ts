import type { Logger } from './host';

/** Field names whose values are credentials; they are masked before anything is written. */
const SECRET_FIELD = /token|secret|password|authorization|api[-_]?key|cookie/i;

export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_FIELD.test(key)) out[key] = '[redacted]';
    else if (value && typeof value === 'object' && !Array.isArray(value))
      out[key] = redactFields(value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}

/** Line-per-event JSON logger on stderr; secrets are masked by field name. */
export function createConsoleLogger(scope: string, sink: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) =>
    sink(JSON.stringify({ at: new Date().toISOString(), level, scope, message, ...(fields ? redactFields(fields) : {}) }));
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
