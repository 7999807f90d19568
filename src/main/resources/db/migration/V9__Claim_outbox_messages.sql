-- Which Tern process is sending or editing a message right now, so that processes sharing one database (a tern poll
-- beside tern run, or several instances on PostgreSQL) never hand the same message to its target at once. A process
-- takes due rows with SELECT ... FOR UPDATE SKIP LOCKED and writes its name, its pid and an expiry, which it renews
-- before each message it sends; the claims of a process that died end when they expire (at once when it ran on the
-- same host). Same rules as V1: standard types, named constraints, never edited once landed.
--
-- Version 7 is retired: V8 lives in db/postgresql (PostgreSQL only), so a V7 added here later would be an
-- out-of-order migration that an existing PostgreSQL store refuses. New migrations here take 9 and up.
ALTER TABLE outbox_messages ADD COLUMN claimed_by VARCHAR;     -- the process's host#jvm name, or null
ALTER TABLE outbox_messages ADD COLUMN claimed_pid BIGINT;
ALTER TABLE outbox_messages ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;

CREATE INDEX ix_outbox_messages_claimed_until ON outbox_messages (claimed_until);
