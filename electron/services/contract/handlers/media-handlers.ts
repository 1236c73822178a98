import type { MediaService } from '../../media/media-service';
import type { Handlers } from '../dispatch';

export function mediaHandlers(media: Pick<MediaService, 'prepare'>): Pick<Handlers, 'media.prepare'> {
  return {
    'media.prepare': ({ id, retry }) => media.prepare(id, { retry }),
  };
}
