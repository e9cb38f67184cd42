-- Customer accounts. total_deposited (initial balance + deposits) lets the ledger prove that
-- money is conserved: sum(total_deposited) = sum(balance) + sum(captured payments).
create table account (
    customer_id     uuid          primary key,
    name            varchar(200)  not null,
    balance         numeric(19,2) not null check (balance >= 0),
    total_deposited numeric(19,2) not null check (total_deposited >= 0),
    version         integer       not null
);

-- One payment per order (the order id is the key, so an order is charged at most once).
-- customer_id is not a foreign key: a payment declined for an unknown customer is kept too.
create table payment (
    order_id       uuid          primary key,
    customer_id    uuid          not null,
    amount         numeric(19,2) not null check (amount >= 0),
    status         varchar(16)   not null check (status in ('CAPTURED', 'REFUNDED', 'DECLINED')),
    reason         varchar(32),
    event_sequence bigint        not null,
    version        integer       not null
);
create index payment_customer on payment (customer_id);
