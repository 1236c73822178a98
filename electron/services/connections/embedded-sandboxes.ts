import { randomBytes } from 'node:crypto';
import type { Logger } from '../app/host';
import { startSandboxServer, type SandboxServer } from '../sandbox/server';
import type { SecretVault } from '../secrets/secret-vault';

export const secretNameOf = (connectionId: string) => `connection:${connectionId}`;

/**
 * The Sandbox network runs inside the app, one loopback server per Sandbox connection,
 * started when first needed. Its token is kept in the vault like any platform's, so
 * the connector authenticates exactly as it would against a real one.
 */
export class EmbeddedSandboxes {
  private readonly servers = new Map<string, Promise<SandboxServer>>();

  constructor(
    private readonly vault: SecretVault,
    private readonly log: Logger,
  ) {}

  async ensure(connectionId: string, seed: number): Promise<{ baseUrl: string; token: string }> {
    let server = this.servers.get(connectionId);
    if (!server) {
      let token = this.vault.get(secretNameOf(connectionId));
      if (!token) {
        token = randomBytes(24).toString('base64url');
        this.vault.set(secretNameOf(connectionId), token);
      }
      server = startSandboxServer({ port: 0, seed, token });
      this.servers.set(connectionId, server);
      server.then(
        (s) => this.log.info('Sandbox network started', { connectionId, url: s.url }),
        () => this.servers.delete(connectionId),
      );
    }
    const running = await server;
    return { baseUrl: running.url, token: running.apiToken() };
  }

  /** Issues a fresh token (after an expiry) and stores it. */
  async reissue(connectionId: string, seed: number): Promise<void> {
    await this.ensure(connectionId, seed);
    const server = await this.servers.get(connectionId);
    if (server) this.vault.set(secretNameOf(connectionId), server.reissueToken());
  }

  async stop(connectionId: string): Promise<void> {
    const server = this.servers.get(connectionId);
    this.servers.delete(connectionId);
    await (await server?.catch(() => null))?.close();
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.servers.keys()].map((id) => this.stop(id)));
  }
}
