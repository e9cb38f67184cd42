-- A stand-in for an event store: envelopes the test StoredEnvelopes returns by position.
create table stored_event (
    position bigserial primary key,
    envelope text not null
);
