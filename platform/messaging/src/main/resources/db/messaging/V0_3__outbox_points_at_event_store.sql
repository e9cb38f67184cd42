-- An event recorded in the service's event store is published from the store row itself: its
-- outbox row carries only the row's position, and the relay builds the envelope from the store
-- (io.sagaref.messaging.outbox.StoredEnvelopes). No second copy of the event exists to drift.
alter table outbox add column event_position bigint;
alter table outbox alter column envelope drop not null;
alter table outbox add constraint outbox_envelope_or_event_position
    check ((envelope is null) <> (event_position is null));
