-- Balances are read from maintained figures instead of sums over the ledger per request (issue 14). The ledger stays
-- the source: every ledger_entry insert adds its amount to the sums of its program, direction, project and enterprise
-- here, by a trigger, so in the same transaction as the entry and by no other way. Ledger entries are never updated
-- or deleted (the ledger is append-only), so inserts are all the trigger has to follow.
-- scope: PROGRAM (key = program id), DIRECTION (key = direction id), PROJECT (key = project id),
-- ENTERPRISE (key = credit code; over all programs, program_id null).
create table ledger_balance (
    scope        text           not null check (scope in ('PROGRAM', 'DIRECTION', 'PROJECT', 'ENTERPRISE')),
    scope_key        text           not null,
    program_id   uuid,
    allot_sum        numeric(15, 2) not null default 0,
    commit_sum       numeric(15, 2) not null default 0,
    release_sum      numeric(15, 2) not null default 0,
    pre_disburse_sum numeric(15, 2) not null default 0,
    pay_sum          numeric(15, 2) not null default 0,
    recover_sum      numeric(15, 2) not null default 0,
    primary key (scope, scope_key)
);
create index ledger_balance_program on ledger_balance (program_id, scope);

create function ledger_balance_add(p_scope text, p_key text, p_program uuid, p_kind text, p_amount numeric) returns void
    language plpgsql as $$
begin
    insert into ledger_balance as b (scope, scope_key, program_id, allot_sum, commit_sum, release_sum, pre_disburse_sum, pay_sum, recover_sum)
    values (p_scope, p_key, p_program,
            case when p_kind = 'ALLOT' then p_amount else 0 end,
            case when p_kind = 'COMMIT' then p_amount else 0 end,
            case when p_kind = 'RELEASE' then p_amount else 0 end,
            case when p_kind = 'PRE_DISBURSE' then p_amount else 0 end,
            case when p_kind = 'PAY' then p_amount else 0 end,
            case when p_kind = 'RECOVER' then p_amount else 0 end)
    on conflict (scope, scope_key) do update set
        allot_sum        = b.allot_sum + excluded.allot_sum,
        commit_sum       = b.commit_sum + excluded.commit_sum,
        release_sum      = b.release_sum + excluded.release_sum,
        pre_disburse_sum = b.pre_disburse_sum + excluded.pre_disburse_sum,
        pay_sum          = b.pay_sum + excluded.pay_sum,
        recover_sum      = b.recover_sum + excluded.recover_sum;
end $$;

create function ledger_entry_maintain_balances() returns trigger
    language plpgsql as $$
begin
    perform ledger_balance_add('PROGRAM', new.program_id::text, new.program_id, new.kind, new.amount);
    if new.direction_id is not null then
        perform ledger_balance_add('DIRECTION', new.direction_id::text, new.program_id, new.kind, new.amount);
    end if;
    if new.project_id is not null then
        perform ledger_balance_add('PROJECT', new.project_id::text, new.program_id, new.kind, new.amount);
    end if;
    if new.enterprise_code is not null then
        perform ledger_balance_add('ENTERPRISE', new.enterprise_code, null, new.kind, new.amount);
    end if;
    return null;
end $$;

create trigger ledger_entry_maintain_balances after insert on ledger_entry
    for each row execute function ledger_entry_maintain_balances();

-- The ledger is append-only: an update or delete would leave the maintained figures behind, so neither is allowed.
create function ledger_entry_append_only() returns trigger
    language plpgsql as $$
begin
    raise exception 'ledger_entry is append-only';
end $$;
create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each statement execute function ledger_entry_append_only();

-- The figures of the entries written before this migration.
insert into ledger_balance (scope, scope_key, program_id, allot_sum, commit_sum, release_sum, pre_disburse_sum, pay_sum, recover_sum)
select s.scope, s.scope_key, s.program_id,
       coalesce(sum(amount) filter (where kind = 'ALLOT'), 0), coalesce(sum(amount) filter (where kind = 'COMMIT'), 0),
       coalesce(sum(amount) filter (where kind = 'RELEASE'), 0), coalesce(sum(amount) filter (where kind = 'PRE_DISBURSE'), 0),
       coalesce(sum(amount) filter (where kind = 'PAY'), 0), coalesce(sum(amount) filter (where kind = 'RECOVER'), 0)
from (select 'PROGRAM' scope, program_id::text scope_key, program_id, kind, amount from ledger_entry
      union all select 'DIRECTION', direction_id::text, program_id, kind, amount from ledger_entry where direction_id is not null
      union all select 'PROJECT', project_id::text, program_id, kind, amount from ledger_entry where project_id is not null
      union all select 'ENTERPRISE', enterprise_code, null, kind, amount from ledger_entry where enterprise_code is not null) s
group by s.scope, s.scope_key, s.program_id;
