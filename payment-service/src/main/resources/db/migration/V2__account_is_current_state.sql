-- Accounts are event-sourced: their events (stream type 'account', stream id = customer id)
-- are the source of truth, and this table is their current state, written in the same
-- transaction as each event and rebuilt from them by POST /internal/admin/rebuild-state.
-- stream_version is the last event the row reflects (it replaces the JPA version counter).
alter table account drop column version;
alter table account add column stream_version bigint not null default 0;
alter table account alter column stream_version drop default;
