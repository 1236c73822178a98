-- Lifting a ban or mute after it reached the platform (issue 5): the sanction row keeps
-- what was done and gains when it was lifted, by which action and through which outbox
-- row (the `unban`/`unmute` push), so the standing stops counting it and an undo of the
-- lift within its grace period finds exactly the rows it lifted.
ALTER TABLE member_sanctions ADD COLUMN lifted_at INTEGER;
ALTER TABLE member_sanctions ADD COLUMN lift_action_id TEXT;
ALTER TABLE member_sanctions ADD COLUMN lift_outbox_id TEXT;
CREATE INDEX member_sanctions_lift ON member_sanctions(lift_action_id) WHERE lift_action_id IS NOT NULL;
