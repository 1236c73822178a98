import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = resolve(import.meta.dirname, '../../..');
const SERVE = join(ROOT, 'out/main/serve.js');
const SEED = join(ROOT, 'out/main/seed.js');
const READY_LINE = /Modboard is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/;

export interface BrowserMode {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly dataDir?: string;
  readonly args?: readonly string[];
}

/** A fresh data folder, removed by the caller (or by `stop`). */
export const makeDataDir = () => mkdtempSync(join(tmpdir(), 'modboard-e2e-'));

/** Fills a data folder with a synthetic backlog through the built seeder. */
export function seed(dataDir: string, joinRequests: number): void {
  execFileSync(process.execPath, [SEED, '--data-dir', dataDir, '--join-requests', String(joinRequests)], { stdio: 'pipe' });
}

/** Starts `serve.js` on a free port and waits for the line that carries its URL. */
export function startBrowserMode(options: StartOptions = {}): Promise<BrowserMode> {
  const ownsDir = !options.dataDir;
  const dataDir = options.dataDir ?? makeDataDir();
  const child = spawn(process.execPath, [SERVE, '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start in time:\n${stderr}`)), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${stdout}\n${stderr}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = READY_LINE.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      const [, url = '', port = '', token = ''] = match;
      resolvePromise({
        url,
        origin: `http://127.0.0.1:${port}`,
        token,
        dataDir,
        child,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) {
            const exited = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            await exited;
          }
          if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
        },
      });
    });
  });
}
