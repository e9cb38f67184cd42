-- Orders are event-sourced: the event store's stream of each order (stream type 'order', id = order id) is
-- the source of truth, and these rows are its current state, written in the transaction of every append.
-- The stream version replaces both the JPA optimistic-lock version and the event sequence counted beside it:
-- commands serialize on the row lock and append at the version they folded.
alter table orders drop column event_sequence;
comment on column orders.version is 'the version of the order''s stream after its last event';
comment on table orders is 'current state of each order, derived from its event stream; rebuildable (POST /internal/admin/rebuild-state)';
