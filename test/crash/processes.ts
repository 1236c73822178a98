import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The two processes the crash harness drives, both from the build: browser mode
 * (`serve.js`) and the standalone Sandbox (`sandbox.js`). The harness itself is built
 * beside them (out/main/crash-test.js), so they are found next to it.
 */
const MAIN_DIR = dirname(fileURLToPath(import.meta.url));
const READY_LINE = /Modboard is running at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/;
const START_TIMEOUT_MS = 30_000;

export interface AppProcess {
  readonly origin: string;
  readonly token: string;
  readonly child: ChildProcess;
  /** Resolves when the process has exited, however it ended. */
  readonly exited: Promise<void>;
  kill(): Promise<void>;
  stop(): Promise<void>;
  stderr(): string;
}

/** Every process the harness started and that still runs, so an interrupted run leaves none behind. */
const running = new Set<ChildProcess>();

export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export function startApp(dataDir: string): Promise<AppProcess> {
  const child = track(spawn(process.execPath, [join(MAIN_DIR, 'serve.js'), '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] }));
  const exited = exitOf(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser mode did not start within ${START_TIMEOUT_MS} ms:\n${stderr}`));
    }, START_TIMEOUT_MS);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited before it was ready (code ${child.exitCode}):\n${stderr.slice(-2_000)}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = READY_LINE.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        origin: `http://127.0.0.1:${match[1]}`,
        token: match[2] ?? '',
        child,
        exited,
        stderr: () => stderr,
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

export interface SandboxProcess {
  readonly url: string;
  readonly token: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export function startSandboxProcess(args: readonly string[]): Promise<SandboxProcess> {
  const child = track(spawn(process.execPath, [join(MAIN_DIR, 'sandbox.js'), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] }));
  const exited = exitOf(child);
  return new Promise((resolve, reject) => {
    void exited.then(() => reject(new Error(`the Sandbox exited (code ${child.exitCode})`)));
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { url, token } = JSON.parse(line) as { url: string; token: string };
      const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
        const response = await fetch(`${url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
        return (await response.json()) as T;
      };
      resolve({
        url,
        token,
        get: (path) => request('GET', path),
        post: (path, body = {}) => request('POST', path, body),
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
