-- Retention deletes outbox rows published long ago and inbox rows applied long ago, in small
-- batches; these indexes let each batch find its rows without scanning the table.
create index outbox_published_at on outbox (published_at) where published_at is not null;
create index processed_message_processed_at on processed_message (processed_at);
