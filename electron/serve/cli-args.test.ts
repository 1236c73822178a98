import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './cli-args';

const defaults = { dataDir: '/home/me/.config/Modboard', rendererDir: '/app/out/renderer' };

describe('parseServeArgs', () => {
  it('defaults to a free port, the desktop data folder and sync on', () => {
    expect(parseServeArgs([], defaults)).toEqual({
      kind: 'run',
      options: { port: 0, dataDir: resolve(defaults.dataDir), rendererDir: resolve(defaults.rendererDir), startSync: true },
    });
  });

  it('reads every option', () => {
    const args = ['--port', '8123', '--data-dir', 'data', '--renderer-dir', 'r', '--host', '127.0.0.1', '--no-sync'];
    expect(parseServeArgs(args, defaults)).toEqual({
      kind: 'run',
      options: { port: 8123, dataDir: resolve('data'), rendererDir: resolve('r'), startSync: false },
    });
  });

  it('asks for the latest backup to be restored only with --restore-backup', () => {
    expect(parseServeArgs(['--restore-backup'], defaults)).toMatchObject({ kind: 'run', options: { restoreBackup: true } });
    expect(parseServeArgs([], defaults)).not.toMatchObject({ options: { restoreBackup: true } });
  });

  it('answers --help', () => {
    expect(parseServeArgs(['--help'], defaults)).toEqual({ kind: 'help' });
  });

  it.each(['0.0.0.0', 'localhost', '::', '192.168.1.5'])('refuses --host %s: loopback only', (host) => {
    const parsed = parseServeArgs(['--host', host], defaults);
    expect(parsed).toMatchObject({ kind: 'error' });
    expect(parsed.kind === 'error' && parsed.message).toContain('never listens beyond loopback');
  });

  it.each([['--port', '65536'], ['--port', 'abc'], ['--port', '-1'], ['--port', '80.5'], ['--bogus'], ['extra'], ['--port']])(
    'refuses %j',
    (...args) => {
      expect(parseServeArgs(args, defaults)).toMatchObject({ kind: 'error' });
    },
  );
});
