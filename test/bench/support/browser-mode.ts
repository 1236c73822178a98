import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const READY_LINE = /Modboard is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/;

export interface Server {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly child: ChildProcess;
  /** Milliseconds from spawn to the line with the address. */
  readonly readyMs: number;
  /** Epoch milliseconds of the spawn, for figures measured from process start. */
  readonly spawnedAt: number;
  /** Resident set size of the browser-mode process now, in MB (Linux /proc). */
  rssMB(): number;
  stop(): Promise<void>;
}

/** Starts browser mode (`out/main/serve.js`) on an existing data folder, without sync. */
export function startServer(root: string, dataDir: string): Promise<Server> {
  const spawnedAt = Date.now();
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--port', '0', '--data-dir', dataDir, '--no-sync'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start in 120 s:\n${stderr}`)), 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${stderr}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = READY_LINE.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      const [, url = '', port = '', token = ''] = match;
      resolve({
        url,
        origin: `http://127.0.0.1:${port}`,
        token,
        child,
        readyMs: performance.now() - started,
        spawnedAt,
        rssMB: () => rssOf(child.pid),
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.removeAllListeners('exit');
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

function rssOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
