-- project-service: the register of who builds what, for how much, by when, and how far along it is.

-- Read model of budget-service's programs (ProgramCreatedV1): a project can only be registered
-- under a direction (使用方向) of an existing program (F2), inside its period (F3).
create table program_ref (
    id           uuid primary key,
    county       text not null,
    year         int  not null,
    name         text not null,
    period_start date not null, -- first day of the first month
    period_end   date not null, -- last day of the last month
    phase_codes  text not null  -- comma-separated, e.g. LAUNCH,IMPLEMENTATION,IMPROVEMENT
);

create table direction_ref (
    id         uuid primary key,
    program_id uuid           not null references program_ref (id),
    name       text           not null,
    allocation numeric(15, 2) not null
);

-- 承办企业 (F5): identified by the unified social credit code (GB 32100-2015), with a dedicated fund account.
create table enterprise (
    id                   uuid primary key,
    credit_code          char(18)    not null unique,
    name                 text        not null,
    legal_representative text        not null,
    contact              text        not null,
    fund_bank            text        not null,
    fund_account_name    text        not null,
    fund_account_number  text        not null,
    status               text        not null check (status in ('ACTIVE', 'DISQUALIFIED')),
    status_reason        text,
    created_at           timestamptz not null,
    created_by           text        not null
);

-- A violation confirmed by the office (R11): fraud, withholding, diversion, misappropriation.
create table violation (
    id            uuid primary key,
    enterprise_id uuid        not null references enterprise (id),
    project_id    uuid,
    kind          text        not null,
    detail        text        not null,
    confirmed_at  timestamptz not null,
    confirmed_by  text        not null
);

-- A task (任务) of a program direction: cold-chain storage, certification, marketing event...
-- build_first_subsidise_after: 先建后补 (R20), data per task.
create table task (
    id                          uuid primary key,
    program_id                  uuid        not null references program_ref (id),
    direction_id                uuid        not null references direction_ref (id),
    name                        text        not null,
    category                    text        not null,
    build_first_subsidise_after boolean     not null,
    responsible_units           text        not null, -- newline-separated 责任单位
    created_at                  timestamptz not null,
    created_by                  text        not null,
    unique (direction_id, name)
);

-- 招标: a public tender for a task, its bids and its award (R17).
create table tender (
    id                  uuid primary key,
    task_id             uuid        not null references task (id),
    title               text        not null,
    reference           text        not null unique,
    status              text        not null check (status in ('OPEN', 'AWARDED')),
    created_at          timestamptz not null,
    created_by          text        not null,
    awarded_bid_id      uuid,
    awarded_enterprise  uuid references enterprise (id),
    award_amount        numeric(15, 2),
    award_date          date,
    award_reference     text
);

create table bid (
    id            uuid primary key,
    tender_id     uuid           not null references tender (id),
    enterprise_id uuid           not null references enterprise (id),
    amount        numeric(15, 2) not null check (amount > 0),
    submitted_at  timestamptz    not null,
    submitted_by  text           not null,
    unique (tender_id, enterprise_id)
);

-- 示范项目: one per tender award (a second registration of the same award is refused).
create table project (
    id                    uuid primary key,
    tender_id             uuid           not null unique references tender (id),
    task_id               uuid           not null references task (id),
    program_id            uuid           not null references program_ref (id),
    direction_id          uuid           not null references direction_ref (id),
    enterprise_id         uuid           not null references enterprise (id),
    enterprise_code       char(18)       not null,
    name                  text           not null,
    budget                numeric(15, 2) not null check (budget > 0),
    township              text           not null,
    responsible_units     text           not null,
    start_date            date           not null,
    end_date              date           not null check (end_date >= start_date),
    phase                 text           not null,
    status                text           not null,
    status_reason         text,
    plan_status           text           not null,
    plan_submitted_at     timestamptz,
    plan_approved_at      timestamptz,
    plan_approved_by      text,
    created_at            timestamptz    not null,
    created_by            text           not null
);
create index project_enterprise on project (enterprise_id);

-- 进度计划表: milestones with planned dates and weights (percent; they add up to 100).
create table milestone (
    id           uuid primary key,
    project_id   uuid          not null references project (id),
    position     int           not null,
    name         text          not null,
    planned_date date          not null,
    weight       numeric(5, 2) not null check (weight > 0 and weight <= 100),
    unique (project_id, position)
);

create table progress_report (
    id           uuid primary key,
    project_id   uuid          not null references project (id),
    reported_on  date          not null,
    percent_done numeric(5, 2) not null check (percent_done between 0 and 100),
    evidence     text          not null,
    note         text,
    created_at   timestamptz   not null,
    reported_by  text          not null
);
create index progress_report_project on progress_report (project_id, reported_on);

-- R12: actual progress behind the plan by more than the threshold.
create table deviation (
    id              uuid primary key,
    project_id      uuid          not null references project (id),
    detected_on     date          not null,
    planned_percent numeric(5, 2) not null,
    actual_percent  numeric(5, 2) not null,
    gap             numeric(5, 2) not null,
    serious         boolean       not null,
    status          text          not null check (status in ('OPEN', 'RESOLVED')),
    last_checked_on date          not null,
    resolved_on     date
);
create unique index deviation_one_open on deviation (project_id) where status = 'OPEN';

-- 整改通知书 (R12, R13, R14) and data-reporting notices (R16): notice -> deadline -> outcome.
create table notice (
    id            uuid primary key,
    enterprise_id uuid        not null references enterprise (id),
    project_id    uuid references project (id),
    deviation_id  uuid references deviation (id),
    kind          text        not null,
    reason        text        not null,
    deadline      date        not null,
    status        text        not null check (status in ('OPEN', 'CLOSED', 'EXPIRED')),
    issued_at     timestamptz not null,
    issued_by     text        not null,
    causes        text,
    measures      text,
    responded_at  timestamptz,
    closed_at     timestamptz,
    closed_by     text,
    remark        text,
    source_event  text unique
);
create index notice_open on notice (deadline) where status = 'OPEN';
