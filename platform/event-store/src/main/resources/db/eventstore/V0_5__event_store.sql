-- The event log, source of truth of the service's event-sourced aggregates. Append-only.
-- transaction_id + sequence is the log position: readers in commit order read
-- (transaction_id, sequence) > last position and only transactions older than every running one.
create table event_store (
    sequence       bigserial   primary key,
    transaction_id xid8        not null default pg_current_xact_id(),
    stream_type    text        not null,
    stream_id      text        not null,
    stream_version bigint      not null,
    event_id       uuid        not null unique,
    event_type     text        not null,
    event_version  int         not null,
    data           jsonb       not null,
    metadata       jsonb       not null,
    recorded_at    timestamptz not null default statement_timestamp(),
    constraint event_store_stream_version unique (stream_id, stream_version)
);
-- commit-order reads (readAll, export)
create index event_store_commit_order on event_store (transaction_id, sequence);
-- the streams of one kind in the order they began (streamIds)
create index event_store_stream_type on event_store (stream_type, sequence);

-- A stream's state after some version; several per stream, so a state at an instant can start
-- from the newest one taken before it.
create table event_snapshot (
    stream_type    text        not null,
    stream_id      text        not null,
    stream_version bigint      not null,
    schema_version int         not null,
    state          jsonb       not null,
    recorded_at    timestamptz not null,
    primary key (stream_id, stream_version)
);
create index event_snapshot_stream_type on event_snapshot (stream_type);
