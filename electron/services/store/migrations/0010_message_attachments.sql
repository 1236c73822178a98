-- Files attached to messages: what the platform says about each (kind, name, type, size,
-- the connector's opaque `ref` to fetch it by), and where this desk stands with its bytes.
-- Written in the same transaction as the message. A fetched file is kept in the data
-- folder under its sha256 (`media/ab/abcd…`), so it survives the platform deleting it;
-- `inline_type` is set only when its magic number proved it an image we show inline.
CREATE TABLE message_attachments (
  seq           INTEGER PRIMARY KEY,
  id            TEXT NOT NULL UNIQUE,
  message_id    TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL CHECK (position >= 0),
  kind          TEXT NOT NULL CHECK (kind IN ('image', 'video', 'audio', 'file', 'sticker')),
  name          TEXT NOT NULL,
  content_type  TEXT,
  size          INTEGER,
  width         INTEGER,
  height        INTEGER,
  -- Never shown to the renderer: a Telegram file_id, a Discord CDN URL. Never holds a token.
  ref           TEXT NOT NULL,
  -- Names the file itself, stable across pulls (Telegram file_unique_id, Discord attachment
  -- id) where `ref` may change for the same file. A new key at this position is another
  -- file: the ingest resets what was fetched, so old bytes never pair with a new name.
  file_key      TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'not-fetched' CHECK (state IN ('not-fetched', 'cached', 'too-large', 'gone', 'failed')),
  sha256        TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
  stored_size   INTEGER,
  inline_type   TEXT CHECK (inline_type IS NULL OR inline_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
  problem       TEXT,
  fetched_at    INTEGER,
  created_at    INTEGER NOT NULL,
  UNIQUE (message_id, position),
  CHECK ((state = 'cached') = (sha256 IS NOT NULL))
) STRICT;
