-- Leases: which Tern process is polling a source or draining the outbox right now, so that two processes on one
-- database (tern run and a tern poll beside it) never do the same work at once. Same rules as V1: standard types,
-- named constraints, never edited once landed.

-- One row per piece of work being done now; the row is deleted when the work ends. A holder renews expires_at
-- while it works, so the lease of a process that died (SIGKILL, power) ends by itself.
CREATE TABLE leases (
    lease_name  VARCHAR                  NOT NULL, -- source:<id>, or outbox
    token       VARCHAR(36)              NOT NULL, -- random per claim: only the claim that wrote it renews or ends it
    holder_pid  BIGINT                   NOT NULL,
    holder_host VARCHAR                  NOT NULL,
    acquired_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_leases PRIMARY KEY (lease_name)
);
