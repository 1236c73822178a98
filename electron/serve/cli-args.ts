import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LOOPBACK_HOST } from './http-server';

/** `npm run serve -- [options]`, parsed without side effects so every refusal is testable. */
export interface ServeOptions {
  readonly port: number;
  readonly dataDir: string;
  readonly rendererDir: string;
  readonly startSync: boolean;
  /** Put the latest automatic backup in place of the database before starting (the one there is set aside). */
  readonly restoreBackup?: boolean;
}

export type ParsedServeArgs =
  | { readonly kind: 'run'; readonly options: ServeOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly message: string };

export const USAGE = `Usage: npm run serve -- [options]

Runs Modboard's main side under Node and serves the app on ${LOOPBACK_HOST}.
Prints one line with the address to open (it carries a per-launch token).

Options:
  --port <n>            Port to listen on (default 0: any free port)
  --data-dir <path>     Data folder (default: the desktop app's folder)
  --renderer-dir <path> Built renderer to serve (default: out/renderer)
  --host ${LOOPBACK_HOST}      The only accepted value; the server never listens beyond loopback
  --no-sync             Do not start the Sandbox connection or background sync jobs
  --restore-backup      Restore the latest automatic backup (data-dir/backups) first;
                        the database in place is set aside, never deleted
  --help                Show this text
`;

const FLAGS = {
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'renderer-dir': { type: 'string' },
  host: { type: 'string' },
  'no-sync': { type: 'boolean' },
  'restore-backup': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** Throws on unknown flags and missing values; the caller turns that into a message. */
const readFlags = (argv: readonly string[]) =>
  parseArgs({ args: [...argv], strict: true, allowPositionals: false, options: FLAGS }).values;

export function parseServeArgs(
  argv: readonly string[],
  defaults: { readonly dataDir: string; readonly rendererDir: string },
): ParsedServeArgs {
  let values: ReturnType<typeof readFlags>;
  try {
    values = readFlags(argv);
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
  if (values.help) return { kind: 'help' };

  // Reaching the app from another machine is what SSH tunnels are for; widening the bind is not an option.
  if (values.host !== undefined && values.host !== LOOPBACK_HOST)
    return {
      kind: 'error',
      message: `--host must be ${LOOPBACK_HOST}: browser mode never listens beyond loopback (got "${values.host}"). From another machine, use an SSH tunnel: ssh -L PORT:${LOOPBACK_HOST}:PORT this-box`,
    };

  const port = values.port === undefined ? 0 : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port >= 0 && port <= 65535))
    return { kind: 'error', message: `--port must be a whole number from 0 to 65535 (got "${values.port}").` };

  return {
    kind: 'run',
    options: {
      port,
      dataDir: resolve(values['data-dir'] ?? defaults.dataDir),
      rendererDir: resolve(values['renderer-dir'] ?? defaults.rendererDir),
      startSync: !values['no-sync'],
      ...(values['restore-backup'] ? { restoreBackup: true } : {}),
    },
  };
}
