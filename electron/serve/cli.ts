import { fileURLToPath } from 'node:url';
import type { Logger } from '@services/app/host';
import { createConsoleLogger } from '@services/app/logger';
import { startServices } from '@services/app/start-services';
import { defaultDataDir } from '@services/paths';
import { createConfSettingsBackend } from '@services/settings/conf-backend';
import { startBrowserMode, readAppVersion, StartupError, type RunningBrowserMode } from './browser-mode';
import { parseServeArgs, USAGE } from './cli-args';

/**
 * `npm run serve` (built to out/main/serve.js). Stdout carries exactly one line, the
 * address to open, which tests parse; everything else goes to stderr.
 */
async function main(): Promise<void> {
  const parsed = parseServeArgs(process.argv.slice(2), {
    dataDir: defaultDataDir(),
    // From out/main/serve.js the build's renderer sits at out/renderer.
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
  });
  switch (parsed.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return;
    case 'error':
      process.stderr.write(`${parsed.message}\n\n${USAGE}`);
      process.exit(2);
  }

  const log = createConsoleLogger('serve');
  let running: RunningBrowserMode;
  try {
    running = await startBrowserMode(parsed.options, {
      startServices,
      createSettingsBackend: (dataDir) =>
        createConfSettingsBackend(dataDir, (path) => log.warn('The settings file was damaged and set aside', { path })),
      log,
      appVersion: await readAppVersion(import.meta.url),
    });
  } catch (error) {
    process.stderr.write(`${error instanceof StartupError ? error.message : `Modboard could not start: ${String(error)}`}\n`);
    process.exit(1);
  }

  process.stdout.write(`Modboard is running at ${running.url}\n`);
  stopOnSignals(running, log);
}

/** A stop that hangs (a stuck database close) must not keep the terminal hostage. */
const STOP_DEADLINE_MS = 10_000;

function stopOnSignals(running: RunningBrowserMode, log: Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // Repeats are ignored: conf's exit hook (when-exit) re-raises the signal it saw,
    // so a single Ctrl-C arrives here twice.
    if (stopping) return;
    stopping = true;
    log.info('Stopping', { signal });
    setTimeout(() => {
      log.error('Stopping took too long; exiting anyway');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('Stopping failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Modboard stopped unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
