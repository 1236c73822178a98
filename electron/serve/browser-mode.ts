import { access, constants, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger, Services, ServicesOptions, SettingsBackend } from '@services/app/host';
import type { ServeOptions } from './cli-args';
import { LOOPBACK_HOST, startHttpServer } from './http-server';
import { INDEX_FILE } from './static-path';

/**
 * Starts browser mode in order (data folder, renderer, services, web server) and turns
 * each way it can fail into one sentence a person can act on. The real services and
 * settings backend are passed in, so start-up failures are testable without a database.
 */
export interface BrowserModeDeps {
  startServices(options: ServicesOptions): Promise<Services>;
  createSettingsBackend(dataDir: string): SettingsBackend;
  readonly log: Logger;
  readonly appVersion: string;
  readonly heartbeatMs?: number;
}

export interface RunningBrowserMode {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** A start-up failure whose message is meant for the terminal as is. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export async function startBrowserMode(options: ServeOptions, deps: BrowserModeDeps): Promise<RunningBrowserMode> {
  await prepareDataDir(options.dataDir);
  await access(join(options.rendererDir, INDEX_FILE)).catch(() => {
    throw new StartupError(`No built renderer at ${options.rendererDir}. Run \`npm run build\` first, or pass --renderer-dir.`);
  });

  let services: Services;
  try {
    services = await deps.startServices({
      dataDir: options.dataDir,
      settings: deps.createSettingsBackend(options.dataDir),
      // The page opens links itself (target=_blank); a headless box has no browser to hand them to.
      host: { kind: 'browser', openExternal: async () => false },
      log: deps.log,
      appVersion: deps.appVersion,
      startSync: options.startSync,
      restoreBackup: options.restoreBackup,
    });
  } catch (error) {
    throw new StartupError(`Modboard could not start: ${messageOf(error)}`);
  }

  try {
    const http = await startHttpServer({
      port: options.port,
      rendererDir: options.rendererDir,
      services,
      log: deps.log,
      heartbeatMs: deps.heartbeatMs,
    });
    return {
      url: http.url,
      port: http.port,
      async close() {
        await http.close();
        await services.stop();
      },
    };
  } catch (error) {
    await services.stop().catch((stopError: unknown) => deps.log.error('Stopping services failed', { error: messageOf(stopError) }));
    throw new StartupError(listenFailure(options.port, error));
  }
}

async function prepareDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    await access(dataDir, constants.W_OK);
  } catch (error) {
    throw new StartupError(`The data folder ${dataDir} is not writable (${codeOf(error) ?? messageOf(error)}). Choose another with --data-dir.`);
  }
}

function listenFailure(port: number, error: unknown): string {
  switch (codeOf(error)) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use on ${LOOPBACK_HOST}. Pick another with --port, or --port 0 for any free port.`;
    case 'EACCES':
      return `Not allowed to listen on port ${port}. Pick a port above 1023 with --port, or --port 0.`;
    default:
      return `The web server could not start: ${messageOf(error)}`;
  }
}

/** The version shown in the UI, read from the package.json two folders up (the repo root, from source or from out/main). */
export async function readAppVersion(moduleUrl: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', moduleUrl), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const codeOf = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
