import { z } from 'zod';
import type { AttachmentView } from '../domain/media';
import { call } from './define';

export const mediaCalls = {
  /**
   * Fetches an attachment's bytes into the local cache if they are not there yet (through the
   * connection's connector), and says where it stands: `cached` with `inlineType` set means
   * `mediaPath(id)` serves it as an image; `gone`, `too-large` or `failed` say why not.
   * `retry` asks the platform again after a failure.
   */
  'media.prepare': call(z.object({ id: z.string().min(1).max(64), retry: z.boolean().default(false) }).strict()).returns<AttachmentView>(),
} as const;
