-- The old system's catalog table, kept in step with inventory-service during the migration.
-- Stock changes arrive as deltas from two partitions (catalog events keyed by sku, saga events
-- keyed by order), so a reservation may arrive before its product's registration: the row then
-- exists with no name yet and is not shown until the registration fills it in.
create table product (
    sku              varchar(64) primary key,
    name             varchar(200),
    price            numeric(19, 2),
    available        integer not null default 0,
    reserved         integer not null default 0,
    -- the sequence of the last catalog event (ProductRegistered, StockAdded) applied: read tokens
    catalog_sequence bigint  not null default 0
);
