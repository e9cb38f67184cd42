-- When the read model stored each timeline entry (the transaction's start): a resumed
-- customer stream replays what was stored shortly before the step it names, so a step of
-- another order whose transaction committed a moment later is not skipped.
alter table timeline_entry add column recorded_at timestamptz not null default now();
create index timeline_entry_by_order_id on timeline_entry (order_id, id);
