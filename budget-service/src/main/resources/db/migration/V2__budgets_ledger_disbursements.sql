-- Project budgets, expense lines (R1), disbursements (R7, R20), recoveries (R8, R11, R15) and the ledger.
-- Money is numeric(15, 2): yuan, exact to the fen.

-- Every movement of money is one entry; balances are sums of entries (never stored alone).
-- ALLOT: a program's money allotted to a direction (direction_id null: not yet allocated to a direction);
-- COMMIT / RELEASE: a project's budget committed against its direction / given back;
-- PRE_DISBURSE / PAY: money paid to the enterprise (预拨 / acceptance payment); RECOVER: money recovered (追回).
create table ledger_entry (
    id              bigint generated always as identity primary key,
    at              timestamptz    not null,
    program_id      uuid           not null references program (id),
    direction_id    uuid references program_direction (id),
    project_id      uuid,
    enterprise_code text,
    kind            text           not null check (kind in ('ALLOT', 'COMMIT', 'RELEASE', 'PRE_DISBURSE', 'PAY', 'RECOVER')),
    amount          numeric(15, 2) not null,
    reference       text,
    actor           text           not null,
    check (kind = 'ALLOT' or amount > 0),
    check (kind = 'ALLOT' or project_id is not null)
);
create index ledger_entry_program on ledger_entry (program_id, direction_id);
create index ledger_entry_project on ledger_entry (project_id);
create index ledger_entry_enterprise on ledger_entry (enterprise_code);

-- The programs created before the ledger existed: their allotments.
insert into ledger_entry (at, program_id, direction_id, kind, amount, reference, actor)
select p.created_at, p.id, d.id, 'ALLOT', d.allocation, 'program-created', p.created_by
from program p join program_direction d on d.program_id = p.id;
insert into ledger_entry (at, program_id, direction_id, kind, amount, reference, actor)
select p.created_at, p.id, null, 'ALLOT', p.total - coalesce((select sum(d.allocation) from program_direction d where d.program_id = p.id), 0),
       'program-created', p.created_by
from program p;
delete from ledger_entry where kind = 'ALLOT' and amount = 0;

-- A project's budget, one row per project: the row every money decision of the project locks.
create table project_budget (
    project_id           uuid primary key,
    program_id           uuid           not null references program (id),
    direction_id         uuid           not null references program_direction (id),
    project_name         text,
    task                 text           not null,
    build_first          boolean        not null,
    enterprise_code      text           not null,
    enterprise_name      text           not null,
    bank_name            text,
    account_name         text,
    account_number       text,
    requested            numeric(15, 2) not null,
    committed            numeric(15, 2) not null check (committed >= 0),
    pre_requested        numeric(15, 2) not null default 0 check (pre_requested >= 0),
    acceptance_requested numeric(15, 2) not null default 0 check (acceptance_requested >= 0),
    paid                 numeric(15, 2) not null default 0 check (paid >= 0),
    recovered            numeric(15, 2) not null default 0 check (recovered >= 0),
    status               text           not null check (status in ('COMMITTED', 'REFUSED', 'STOPPED')),
    status_reason        text,
    revision             int            not null,
    registered_at        timestamptz    not null,
    -- R7, enforced by the database too: pre-disbursements never pass half of the committed budget.
    check (status <> 'COMMITTED' or pre_requested * 2 <= committed),
    check (recovered <= paid),
    check (paid - recovered <= committed)
);
create index project_budget_direction on project_budget (direction_id);
create index project_budget_enterprise on project_budget (enterprise_code);

-- Every commitment and amendment (增减) of a project's budget, revision 1 first.
create table budget_revision (
    id         bigint generated always as identity primary key,
    project_id uuid           not null references project_budget (project_id),
    revision   int            not null,
    previous   numeric(15, 2) not null,
    committed  numeric(15, 2) not null,
    change     numeric(15, 2) not null,
    reason     text           not null,
    at         timestamptz    not null,
    actor      text           not null,
    unique (project_id, revision)
);

-- What other services told us about a project (acceptance, audit, publicity): the preconditions of R7.
create table project_fact (
    project_id          uuid primary key,
    acceptance          text check (acceptance in ('PASS', 'FAIL')),
    acceptance_reason   text,
    accepted_at         timestamptz,
    audited_amount      numeric(15, 2) check (audited_amount >= 0),
    audit_firm          text,
    audit_report        text,
    audited_at          timestamptz,
    publicity_closed_on date,
    objection_upheld    boolean
);

-- Expense categories are data. The prohibited uses of R1 are seeded and can never be enabled.
create table expense_category (
    code       text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,49}$'),
    name       text    not null,
    prohibited boolean not null default false,
    enabled    boolean not null,
    rule       text,
    check (not (prohibited and enabled))
);
insert into expense_category (code, name, prohibited, enabled, rule) values
    ('ONLINE_TRADING_PLATFORM', '网络交易平台建设', true, false, 'R1'),
    ('WORKING_EXPENSES', '工作经费', true, false, 'R1'),
    ('TRAFFIC_PURCHASE', '购买流量', true, false, 'R1'),
    ('COLD_CHAIN_FACILITY', '冷链仓储设施', false, true, null),
    ('LOGISTICS', '物流配送体系', false, true, null),
    ('SERVICE_STATION', '电商服务站点', false, true, null),
    ('BRAND_BUILDING', '品牌培育', false, true, null),
    ('TRAINING', '电商培训', false, true, null),
    ('SUPPLY_CHAIN', '供应链建设', false, true, null),
    ('MARKETING_EVENT', '营销活动', false, true, null);

create table expense_line (
    id          uuid primary key,
    project_id  uuid           not null references project_budget (project_id),
    category    text           not null references expense_category (code),
    description text           not null,
    amount      numeric(15, 2) not null check (amount > 0),
    created_at  timestamptz    not null,
    created_by  text           not null
);
create index expense_line_project on expense_line (project_id);

-- Disbursement requests (请款): pre-disbursement (预拨) or the acceptance payment; approved once, paid once.
create table disbursement (
    id               uuid primary key,
    project_id       uuid           not null references project_budget (project_id),
    kind             text           not null check (kind in ('PRE_DISBURSEMENT', 'ACCEPTANCE_PAYMENT')),
    amount           numeric(15, 2) not null check (amount > 0),
    status           text           not null check (status in ('REQUESTED', 'APPROVED', 'PAID', 'CANCELLED')),
    purpose          text,
    idempotency_key  text,
    requested_at     timestamptz    not null,
    requested_by     text           not null,
    approved_at      timestamptz,
    approved_by      text,
    approval_comment text,
    approval_key     text,
    paid_on          date,
    voucher_number   text unique,
    bank_name        text,
    account_number   text,
    paid_at          timestamptz,
    paid_by          text,
    payment_key      text,
    cancelled_reason text,
    unique (project_id, idempotency_key)
);
create index disbursement_project on disbursement (project_id);
-- One live acceptance payment request (its 请款报告) per project.
create unique index disbursement_one_acceptance on disbursement (project_id)
    where kind = 'ACCEPTANCE_PAYMENT' and status <> 'CANCELLED';

-- Recovery orders (追回) and the money recovered against them.
create table recovery_order (
    id              uuid primary key,
    project_id      uuid           not null references project_budget (project_id),
    enterprise_code text           not null,
    rule            text           not null check (rule in ('R8', 'R11', 'R15')),
    cause           text           not null check (cause in ('ACCEPTANCE_FAILED', 'ENTERPRISE_DISQUALIFIED', 'VIOLATION_CONFIRMED')),
    cause_ref       text           not null,
    amount          numeric(15, 2) not null check (amount > 0),
    recovered       numeric(15, 2) not null default 0 check (recovered >= 0 and recovered <= amount),
    status          text           not null check (status in ('OPEN', 'COMPLETED')),
    reason          text           not null,
    ordered_at      timestamptz    not null,
    completed_at    timestamptz,
    unique (project_id, cause, cause_ref)
);
create index recovery_order_project on recovery_order (project_id);

create table recovery_receipt (
    id              uuid primary key,
    recovery_id     uuid           not null references recovery_order (id),
    amount          numeric(15, 2) not null check (amount > 0),
    received_on     date           not null,
    voucher_number  text           not null unique,
    idempotency_key text,
    recorded_at     timestamptz    not null,
    recorded_by     text           not null,
    unique (recovery_id, idempotency_key)
);
