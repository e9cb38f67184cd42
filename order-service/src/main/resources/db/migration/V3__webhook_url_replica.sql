-- The replica of notification-service's registered webhook URLs, fed by notifications.events:
-- an order's callbackUrl must be one of its customer's. Removed endpoints stay as tombstones so
-- a late registration event cannot bring them back (each applies only above the stored sequence).
create table webhook_urls (
    webhook_id  uuid primary key,
    customer_id uuid          not null,
    url         varchar(2048) not null,
    sequence    bigint        not null,
    removed     boolean       not null
);
create index webhook_urls_of_customer on webhook_urls (customer_id, url) where not removed;
