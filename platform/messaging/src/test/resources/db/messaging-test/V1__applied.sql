-- The effect of the test handler: one row per applied event.
create table applied (
    event_id uuid not null,
    label    text not null
);
