import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const SANDBOX = join(resolve(import.meta.dirname, '../../..'), 'out/main/sandbox.js');

export interface SandboxProcess {
  readonly url: string;
  readonly token: string;
  readonly child: ChildProcess;
  /** GETs one of the Sandbox's inspection endpoints (`/_sandbox/...`). */
  inspect<T>(path: string): Promise<T>;
  /** POSTs to one of its control endpoints (faults, token expiry, ...). */
  control<T>(path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** The standalone Sandbox network (`npm run sandbox`), as tests and benchmarks use it. */
export function startSandbox(args: readonly string[]): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [SANDBOX, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { url, token } = JSON.parse(line) as { url: string; token: string };
      resolvePromise({
        url,
        token,
        child,
        inspect: async <T>(path: string) =>
          (await (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T,
        control: async <T>(path: string, body: unknown = {}) =>
          (await (
            await fetch(`${url}${path}`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            })
          ).json()) as T,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
