import { describe, expect, it } from 'vitest';
import { PRODUCTION_ORIGIN } from './app-origin';
import { isTrustedSender, senderOriginForLog, type SenderInfo } from './sender';

const context = { appOrigin: PRODUCTION_ORIGIN, mainWindowWebContentsId: 7 };
const mainFrame: SenderInfo = { senderFrameUrl: 'app://modboard/index.html#/queues', isMainFrame: true, webContentsId: 7 };

describe('isTrustedSender', () => {
  it('trusts the main frame of the main window on the app origin', () => {
    expect(isTrustedSender(mainFrame, context)).toEqual({ trusted: true });
  });

  it('rejects a subframe, even one on the app origin', () => {
    expect(isTrustedSender({ ...mainFrame, isMainFrame: false }, context)).toEqual({ trusted: false, reason: 'subframe' });
  });

  it('rejects another window', () => {
    expect(isTrustedSender({ ...mainFrame, webContentsId: 8 }, context)).toEqual({ trusted: false, reason: 'other-window' });
  });

  it('rejects everything once the main window is gone', () => {
    expect(isTrustedSender(mainFrame, { ...context, mainWindowWebContentsId: null })).toMatchObject({ trusted: false });
  });

  it('rejects a destroyed or navigated-away frame', () => {
    expect(isTrustedSender({ ...mainFrame, senderFrameUrl: null }, context)).toEqual({ trusted: false, reason: 'frame-gone' });
  });

  it.each(['https://evil.example/', 'file:///tmp/index.html', 'about:blank', 'data:text/html,x', 'app://evil/index.html', 'chrome-error://chromewebdata/'])(
    'rejects the main frame when it shows %s',
    (senderFrameUrl) => {
      expect(isTrustedSender({ ...mainFrame, senderFrameUrl }, context)).toEqual({ trusted: false, reason: 'other-origin' });
    },
  );
});

describe('senderOriginForLog', () => {
  it('logs the origin only, never the path or query', () => {
    expect(senderOriginForLog({ ...mainFrame, senderFrameUrl: 'https://evil.example/steal?token=abc' })).toBe('https://evil.example');
    expect(senderOriginForLog({ ...mainFrame, senderFrameUrl: 'data:text/html,secret' })).toBe('(opaque)');
    expect(senderOriginForLog({ ...mainFrame, senderFrameUrl: null })).toBe('(gone)');
  });
});
