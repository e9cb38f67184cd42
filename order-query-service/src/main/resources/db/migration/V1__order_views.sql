-- The read model: one denormalized view per order, built only from events (see package-info of
-- io.sagaref.orderquery for how it is rebuilt by replay).
create table order_view (
    order_id                   uuid primary key,
    customer_id                uuid,
    status                     text,
    total                      numeric(19, 2),
    rejection_reason           text,
    payment_status             text,
    payment_amount             numeric(19, 2),
    payment_reason             text,
    stock_status               text,
    stock_reason               text,
    placed_at                  timestamptz,
    updated_at                 timestamptz,
    -- the last sequence applied from each source: older or repeated events are ignored
    order_service_sequence     bigint not null default 0,
    payment_service_sequence   bigint not null default 0,
    inventory_service_sequence bigint not null default 0,
    version                    bigint not null
);
create index order_view_newest on order_view (placed_at desc nulls last, order_id);
create index order_view_by_customer on order_view (customer_id, placed_at desc nulls last);
create index order_view_by_status on order_view (status, placed_at desc nulls last);

create table order_view_line (
    order_id   uuid           not null references order_view on delete cascade,
    position   integer        not null,
    sku        text           not null,
    quantity   integer        not null,
    unit_price numeric(19, 2) not null,
    primary key (order_id, position)
);

create table order_view_shortage (
    order_id  uuid    not null references order_view on delete cascade,
    position  integer not null,
    sku       text    not null,
    requested integer not null,
    available integer not null,
    primary key (order_id, position)
);

-- Every applied event of an order, for its timeline.
create sequence timeline_entry_id_seq increment by 50;
create table timeline_entry (
    id          bigint primary key,
    event_id    uuid        not null unique,
    order_id    uuid        not null references order_view on delete cascade,
    occurred_at timestamptz not null,
    source      text        not null,
    sequence    bigint      not null,
    type        text        not null,
    detail      text
);
create index timeline_entry_by_order on timeline_entry (order_id, occurred_at);
