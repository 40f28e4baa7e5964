-- gateway_heartbeat: the latest `bms.hb/1` heartbeat of each gateway (issue 7, derived.spool_backlog).
-- SQL-only like the other pg-written side tables (prisma/README.md): written by ingest's heartbeat
-- consumer, only ever forward (an older or equal `at` keeps the row). `spool_points` holds the last
-- few (at, depth) pairs as JSON, because the backlog rule judges the spool's growth, not one depth.
CREATE TABLE gateway_heartbeat (
    gateway_id    text        NOT NULL REFERENCES gateway (id) ON DELETE CASCADE ON UPDATE CASCADE,
    at            timestamptz NOT NULL,
    agent_version text        NOT NULL,
    spool_depth   integer     NOT NULL,
    bus           jsonb,
    spool_points  jsonb       NOT NULL DEFAULT '[]',
    CONSTRAINT gateway_heartbeat_pkey PRIMARY KEY (gateway_id)
);
