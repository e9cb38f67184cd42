-- Registered endpoints, the orders whose outcome they will hear of, and the delivery queue.
create table webhooks (
    id             uuid primary key,
    customer_id    uuid          not null,
    url            varchar(2048) not null,
    secret         varchar(100)  not null,
    status         varchar(16)   not null,
    event_sequence bigint        not null,
    created_at     timestamptz   not null
);
-- one active registration per customer and URL; a disabled one may be registered again
create unique index webhooks_active_url on webhooks (customer_id, url) where status = 'ACTIVE';

-- what OrderPlaced said that the terminal events do not repeat: the total and the callback URL
create table placed_orders (
    order_id     uuid primary key,
    customer_id  uuid           not null,
    total        numeric(19, 2) not null,
    callback_url varchar(2048)
);

create table deliveries (
    id               uuid primary key,
    webhook_id       uuid         not null references webhooks (id) on delete cascade,
    event_id         uuid         not null,
    type             varchar(32)  not null,
    order_id         uuid         not null,
    body             text         not null,
    status           varchar(16)  not null,
    attempts         int          not null,
    last_status_code int,
    last_error       varchar(500),
    last_attempt_at  timestamptz,
    next_attempt_at  timestamptz,
    created_at       timestamptz  not null,
    -- a redelivered order event finds its deliveries already there
    unique (event_id, webhook_id)
);
create index deliveries_due on deliveries (next_attempt_at) where status = 'PENDING';
create index deliveries_of_webhook on deliveries (webhook_id, created_at);
