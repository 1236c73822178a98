import { parseCliArgs, USAGE, UsageError } from './cli-args';
import { startSandboxServer } from './server';

/**
 * `npm run sandbox -- --port N --seed S --volume V ...`: runs the Sandbox network
 * alone and prints one JSON line `{ "url", "token" }` for scripts to read.
 */
async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const server = await startSandboxServer(options);
  process.stdout.write(`${JSON.stringify({ url: server.url, token: server.token })}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
