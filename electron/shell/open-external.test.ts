import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '@services/app/host';
import { CANCEL_BUTTON, createOpenExternal, externalLinkPrompt } from './open-external';

function setup(answer = true) {
  const log: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const confirm = vi.fn(async () => answer);
  const open = vi.fn(async (_url: string) => {});
  return { openExternal: createOpenExternal({ confirm, open, log }), confirm, open, log };
}

describe('createOpenExternal', () => {
  it('asks, naming the host, then opens the normalised URL', async () => {
    const { openExternal, confirm, open } = setup();
    await expect(openExternal('https://Discord.com/channels/1')).resolves.toBe(true);
    expect(confirm).toHaveBeenCalledWith(expect.objectContaining({ message: 'Open discord.com in your browser?' }));
    expect(open).toHaveBeenCalledWith('https://discord.com/channels/1');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'smb://host/share', 'https://user:pw@evil.example/', 'nonsense'])(
    'refuses %s without asking',
    async (url) => {
      const { openExternal, confirm, open } = setup();
      await expect(openExternal(url)).resolves.toBe(false);
      expect(confirm).not.toHaveBeenCalled();
      expect(open).not.toHaveBeenCalled();
    },
  );

  it('does not open when the user declines', async () => {
    const { openExternal, open } = setup(false);
    await expect(openExternal('https://example.com')).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('ignores a second link while the first dialog is open', async () => {
    const { openExternal, confirm, log } = setup();
    let answer!: (value: boolean) => void;
    confirm.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const first = openExternal('https://one.example');
    await expect(openExternal('https://two.example')).resolves.toBe(false);
    answer(true);
    await expect(first).resolves.toBe(true);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalled();
    await expect(openExternal('https://three.example')).resolves.toBe(true);
  });

  it('reports a failed hand-off as not opened', async () => {
    const { openExternal, open, log } = setup();
    open.mockRejectedValueOnce(new Error('no browser'));
    await expect(openExternal('https://example.com')).resolves.toBe(false);
    expect(log.error).toHaveBeenCalled();
  });
});

describe('externalLinkPrompt', () => {
  it('defaults to Cancel and shows the full URL and a punycode host', () => {
    const prompt = externalLinkPrompt('https://xn--pypal-4ve.com/login', 'xn--pypal-4ve.com');
    expect(prompt.defaultId).toBe(CANCEL_BUTTON);
    expect(prompt.cancelId).toBe(CANCEL_BUTTON);
    expect(prompt.message).toContain('xn--pypal-4ve.com');
    expect(prompt.detail).toBe('https://xn--pypal-4ve.com/login');
  });
});
