-- Accounts opened before they were event-sourced (stream_version 0, set by V2) become streams,
-- so that commands, the ledger and a rebuild find them: first an AccountOpened (version 2) with
-- everything deposited so far as its opening balance, then, per payment that took money, in
-- order id order, its AccountCharged and, if it was refunded, its AccountRefunded. The fold gives
-- total_deposited - captured, the balance the money ledger proves; it never goes negative on the
-- way. Only rows still at version 0 are touched, so running this again changes nothing.
insert into event_store (stream_type, stream_id, stream_version, event_id, event_type, event_version, data, metadata)
select 'account', a.customer_id::text, 1, gen_random_uuid(), 'AccountOpened', 2,
       jsonb_build_object('name', a.name, 'openingBalance', a.total_deposited),
       jsonb_build_object('correlationId', null, 'causationId', null, 'attributes', '{}'::jsonb)
from account a
where a.stream_version = 0;

insert into event_store (stream_type, stream_id, stream_version, event_id, event_type, event_version, data, metadata)
select 'account', m.customer_id::text,
       1 + row_number() over (partition by m.customer_id order by m.order_id, m.step),
       gen_random_uuid(), m.event_type, 1,
       jsonb_build_object('orderId', m.order_id, 'amount', m.amount),
       jsonb_build_object('correlationId', m.order_id::text, 'causationId', null, 'attributes', '{}'::jsonb)
from (select p.customer_id, p.order_id, p.amount, 1 as step, 'AccountCharged' as event_type
      from payment p where p.status in ('CAPTURED', 'REFUNDED')
      union all
      select p.customer_id, p.order_id, p.amount, 2, 'AccountRefunded'
      from payment p where p.status = 'REFUNDED') m
join account a on a.customer_id = m.customer_id
where a.stream_version = 0;

update account a
set stream_version = (select max(e.stream_version) from event_store e where e.stream_id = a.customer_id::text),
    balance = a.total_deposited - coalesce((select sum(p.amount) from payment p
                                            where p.customer_id = a.customer_id and p.status = 'CAPTURED'), 0)
where a.stream_version = 0;
