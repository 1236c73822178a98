import { isAppUrl, originOf, type AppOrigin } from './app-origin';

/**
 * Whether an IPC message may use the API. Only the main frame of our own window,
 * showing our own origin, qualifies: an iframe, a second window, a page that navigated
 * elsewhere, or a frame that is already gone is refused (VS Code does the same).
 */
export interface SenderInfo {
  /** The sending frame's URL; null when the frame was destroyed or navigated away. */
  readonly senderFrameUrl: string | null;
  readonly isMainFrame: boolean;
  readonly webContentsId: number;
}

export interface TrustedSenderContext {
  readonly appOrigin: AppOrigin;
  /** Null once the main window is gone. */
  readonly mainWindowWebContentsId: number | null;
}

export type SenderVerdict =
  | { readonly trusted: true }
  | { readonly trusted: false; readonly reason: 'frame-gone' | 'subframe' | 'other-window' | 'other-origin' };

export function isTrustedSender(sender: SenderInfo, context: TrustedSenderContext): SenderVerdict {
  if (sender.senderFrameUrl === null) return { trusted: false, reason: 'frame-gone' };
  if (!sender.isMainFrame) return { trusted: false, reason: 'subframe' };
  if (context.mainWindowWebContentsId === null || sender.webContentsId !== context.mainWindowWebContentsId)
    return { trusted: false, reason: 'other-window' };
  if (!isAppUrl(sender.senderFrameUrl, context.appOrigin)) return { trusted: false, reason: 'other-origin' };
  return { trusted: true };
}

/** What a refusal log line may say about the sender: its origin, not the full URL. */
export function senderOriginForLog(sender: SenderInfo): string {
  return sender.senderFrameUrl === null ? '(gone)' : (originOf(sender.senderFrameUrl) ?? '(opaque)');
}
