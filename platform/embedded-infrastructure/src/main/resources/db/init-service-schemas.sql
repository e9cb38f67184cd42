-- One schema per service, each owned by the service's own login role. A role can reach only its
-- own schema: no grants are made across schemas, and nobody may create objects in "public".
-- Used by the local stack, the tests and docker-compose (mounted into docker-entrypoint-initdb.d).
revoke create on schema public from public;

do $$
declare
    svc record;
begin
    for svc in select * from (values
        ('order_service', 'orders'),
        ('legacy_monolith', 'legacy'),
        ('payment_service', 'payments'),
        ('inventory_service', 'inventory'),
        ('order_query_service', 'order_query'),
        ('notification_service', 'notifications')) as t(role_name, schema_name)
    loop
        if not exists (select 1 from pg_roles where rolname = svc.role_name) then
            execute format('create role %I login password %L', svc.role_name, svc.role_name);
        end if;
        execute format('create schema if not exists %I authorization %I', svc.schema_name, svc.role_name);
        execute format('revoke all on schema %I from public', svc.schema_name);
        execute format('alter role %I set search_path = %I', svc.role_name, svc.schema_name);
    end loop;
end
$$;
