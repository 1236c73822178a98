import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '@services/app/host';
import { ok } from '@shared/result';
import { PRODUCTION_ORIGIN } from './app-origin';
import { createCallHandler } from './call-handler';
import type { SenderInfo } from './sender';

const trusted: SenderInfo = { senderFrameUrl: 'app://modboard/index.html', isMainFrame: true, webContentsId: 3 };

function setup(dispatch = vi.fn(async () => ok({ version: '0.1.0' }))) {
  const log: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  let windowId: number | null = 3;
  const handle = createCallHandler({ dispatch, appOrigin: PRODUCTION_ORIGIN, mainWindowWebContentsId: () => windowId, log });
  return { handle, dispatch, log, closeWindow: () => (windowId = null) };
}

describe('createCallHandler', () => {
  it('dispatches calls from the trusted frame', async () => {
    const { handle, dispatch } = setup();
    await expect(handle(trusted, 'app.info', {})).resolves.toEqual({ ok: true, value: { version: '0.1.0' } });
    expect(dispatch).toHaveBeenCalledWith('app.info', {});
  });

  it('answers a subframe with forbidden, logs it, and never dispatches', async () => {
    const { handle, dispatch, log } = setup();
    const result = await handle({ ...trusted, isMainFrame: false }, 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith('IPC call refused', expect.objectContaining({ reason: 'subframe', name: 'app.info' }));
  });

  it('refuses calls after the main window closed', async () => {
    const { handle, dispatch, closeWindow } = setup();
    closeWindow();
    await expect(handle(trusted, 'app.info', {})).resolves.toMatchObject({ error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatch into an internal error value without its message', async () => {
    const { handle, log } = setup(vi.fn(async () => Promise.reject(new Error('SQLITE_CORRUPT at /home/me/secret'))));
    const result = await handle(trusted, 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(log.error).toHaveBeenCalled();
  });
});
