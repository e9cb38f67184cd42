-- Orders: one row per order, its lines in a child table. An idempotency key maps to at most one order.
create table orders (
    id               uuid          primary key,
    customer_id      uuid          not null,
    status           varchar(16)   not null check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
    rejection_reason varchar(32),
    total            numeric(19,2) not null check (total > 0),
    idempotency_key  varchar(100)  unique,
    request_hash     varchar(64),
    callback_url     text,
    placed_at        timestamptz   not null,
    updated_at       timestamptz   not null,
    event_sequence   bigint        not null,
    version          bigint        not null
);
-- The deadline job and the stuck-orders view read only pending orders, oldest first.
create index orders_pending_by_age on orders (placed_at) where status = 'PENDING';

create table order_line (
    order_id   uuid          not null references orders (id),
    line_no    integer       not null,
    sku        text          not null,
    quantity   integer       not null check (quantity > 0),
    unit_price numeric(19,2) not null check (unit_price > 0),
    primary key (order_id, line_no)
);

-- Replica of inventory's catalog, kept from ProductRegistered and StockAdded.
create table catalog_product (
    sku           text          primary key,
    name          text          not null,
    price         numeric(19,2) not null check (price > 0),
    last_sequence bigint        not null,
    version       bigint        not null
);
