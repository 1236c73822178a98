import { z } from 'zod';
import { ATTACHMENT_KINDS } from '@shared/connectors';
import { INLINE_IMAGE_TYPES, MEDIA_STATES, type AttachmentView } from '@shared/domain/media';
import { trusted, type SqlQuery } from '../store/sql';

/**
 * The attachments of message alias `n` as one JSON array column (`attachments`), in the
 * platform's order: a conversation of 21 messages stays one query. Never selects `ref`.
 */
export const ATTACHMENTS_COLUMN: SqlQuery = trusted(`(SELECT json_group_array(json_object('id', a.id, 'kind', a.kind, 'name', a.name,
    'contentType', a.content_type, 'size', a.size, 'width', a.width, 'height', a.height, 'state', a.state,
    'inlineType', a.inline_type, 'sha256', a.sha256, 'problem', a.problem) ORDER BY a.position)
  FROM message_attachments a WHERE a.message_id = n.id) AS attachments`);

const count = z.number().int().min(0).nullable();
export const attachmentViewSchema = z.object({
  id: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  name: z.string(),
  contentType: z.string().nullable(),
  size: count,
  width: count,
  height: count,
  state: z.enum(MEDIA_STATES),
  inlineType: z.enum(INLINE_IMAGE_TYPES).nullable(),
  sha256: z.string().nullable(),
  problem: z.string().nullable(),
});

const listSchema = z.array(attachmentViewSchema);

/** The column read back; a row that no longer parses is a bug in this file, so it throws. */
export const parseAttachments = (json: string | null): AttachmentView[] => (json === null ? [] : listSchema.parse(JSON.parse(json)));
