-- Projects as project-service registers them (project-registered). Their status is read with the facts other events
-- bring (acceptance in project_fund, disqualification, publicity), whatever order those events arrive in.
create table project_view (
    project_id                  uuid primary key,
    program_id                  uuid           not null,
    direction_id                uuid,
    name                        text           not null,
    task                        text           not null,
    build_first_subsidise_after boolean        not null,
    enterprise_code             text           not null,
    enterprise_name             text           not null,
    budget                      numeric(15, 2) not null,
    expense_categories          text           not null, -- the budget lines' category codes, comma-separated
    registered_at               timestamptz
);
create index project_view_program on project_view (program_id);

alter table project_fund add column acceptance_reason text, add column concluded_at timestamptz;

-- An enterprise's role in a program ended (enterprise-disqualified v2).
create table enterprise_disqualification (
    enterprise_code text        not null,
    program_id      uuid        not null,
    rule            text        not null,
    reason          text        not null,
    disqualified_at timestamptz not null,
    primary key (enterprise_code, program_id)
);

-- Closed publicity windows (publicity-closed).
create table publicity_outcome (
    announcement_id  uuid primary key,
    kind             text        not null,
    project_id       uuid,
    opened_on        date,
    closed_on        date,
    objection_upheld boolean     not null,
    closed_at        timestamptz
);
create index publicity_outcome_project on publicity_outcome (project_id);

-- Notices with a deadline (rectification-issued) and their outcome (rectification-closed).
create table notice (
    notice_id       uuid primary key,
    project_id      uuid,
    enterprise_code text not null,
    enterprise_name text,
    kind            text not null,
    rule            text not null,
    reason          text,
    deadline        date,
    issued_at       timestamptz,
    outcome         text, -- RECTIFIED or EXPIRED once closed
    remark          text,
    closed_at       timestamptz
);
create index notice_enterprise on notice (enterprise_code);

-- Indicators counted from projects: the project's task or budget-line categories must match one of these words.
alter table target_indicator add column project_match text,
    add column entered_by text, add column entered_at timestamptz;

-- Indicators counted from evidenced entries (a standard adopted, an event held, a shop opened), each entered by an
-- official with its evidence; withdrawing one keeps it, marked.
create table indicator_entry (
    id           uuid primary key,
    program_id   uuid        not null,
    code         text        not null,
    item         text        not null,
    occurred_on  date        not null,
    evidence     text        not null,
    entered_by   text        not null,
    entered_at   timestamptz not null,
    withdrawn_by text,
    withdrawn_at timestamptz,
    withdrawn_reason text
);
create index indicator_entry_program on indicator_entry (program_id, code);
