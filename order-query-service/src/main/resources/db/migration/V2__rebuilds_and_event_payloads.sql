-- Each applied event keeps its payload (as the view read it), so a view can be folded again
-- as it stood at any instant (GET /api/orders/{id}?asOf=). Entries applied before this
-- migration have none: a rebuild (POST /api/admin/read-model/rebuild) stores them all again.
alter table timeline_entry add column payload jsonb;
-- the newest applied event (Read-Model-As-Of) without a scan
create index timeline_entry_by_time on timeline_entry (occurred_at);

-- Rebuilds of the read model from the topics, shared by every instance.
create table read_model_rebuild (
    rebuild_id      uuid primary key,
    status          text        not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    events_replayed bigint      not null default 0,
    started_at      timestamptz not null,
    -- progress heartbeat: a running rebuild silent for long died with its instance
    updated_at      timestamptz not null,
    completed_at    timestamptz
);
-- at most one rebuild runs at a time, whichever instance started it
create unique index read_model_rebuild_one_running on read_model_rebuild ((true)) where status = 'RUNNING';
