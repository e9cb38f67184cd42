-- Products and their stock. Stock is available or reserved, never negative, and everything
-- received (initial stock + additions) is accounted for.
create table product (
    sku            varchar(64)    primary key,
    name           varchar(200)   not null,
    price          numeric(19, 2) not null check (price > 0),
    available      integer        not null check (available >= 0),
    reserved       integer        not null check (reserved >= 0),
    received       integer        not null check (received >= 0),
    event_sequence bigint         not null,
    version        bigint         not null,
    constraint product_stock_conserved check (available + reserved = received)
);

-- What inventory did for each order: one row per order, written on its payment or its close.
create table reservation (
    order_id       uuid        primary key,
    status         varchar(16) not null check (status in ('RESERVED', 'REJECTED', 'RELEASED', 'CLOSED')),
    event_sequence bigint      not null,
    version        bigint      not null
);

create table reservation_line (
    order_id uuid        not null references reservation (order_id) on delete cascade,
    sku      varchar(64) not null,
    quantity integer     not null check (quantity > 0),
    primary key (order_id, sku)
);
