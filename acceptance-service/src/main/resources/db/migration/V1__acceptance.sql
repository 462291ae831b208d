-- acceptance-service: what it knows of programs and projects (from events), the material checklists,
-- applications with their materials, invoices, reviews, conclusions, audits and acceptance deadlines.

-- Read model of budget-service's programs: only the end of the period (the default acceptance deadline).
create table program (
    id          uuid primary key,
    name        text not null,
    period_end  date not null
);

-- Read model of project-service's projects, plus the acceptance deadline owned here (R8, R14).
create table project (
    id                uuid primary key,
    program_id        uuid not null,
    name              text not null,
    task              text not null,
    enterprise_code   text not null,
    enterprise_name   text not null,
    budget            numeric(14, 2) not null,
    deadline          date,
    disqualified      boolean not null default false,
    acceptance        text,
    acceptance_reason text,
    concluded_at      timestamptz,
    registered_at     timestamptz not null
);
create index project_enterprise on project (enterprise_code);
create index project_program on project (program_id);

-- R14: every move of an acceptance deadline, with who and why.
create table postponement (
    id            uuid primary key,
    project_id    uuid not null references project (id),
    from_deadline date,
    to_deadline   date not null,
    reason        text not null,
    decided_by    text not null,
    decided_at    timestamptz not null
);

-- The material kinds an application of a task must carry; task '*' is the default list.
create table checklist_item (
    id       uuid primary key,
    task     text not null,
    kind     text not null,
    label    text not null,
    position int  not null,
    unique (task, kind)
);
insert into checklist_item (id, task, kind, label, position) values
    ('00000000-0000-0000-0000-000000000001', '*', 'CONTRACT', '合同 contracts', 1),
    ('00000000-0000-0000-0000-000000000002', '*', 'INVOICE', '发票 invoices', 2),
    ('00000000-0000-0000-0000-000000000003', '*', 'PHOTO', '照片 photos of what was built', 3),
    ('00000000-0000-0000-0000-000000000004', '*', 'COMPLETION_REPORT', '竣工报告 completion report', 4),
    ('00000000-0000-0000-0000-000000000005', '*', 'SELF_EVALUATION', '自评报告 self-evaluation report', 5);

create table application (
    id                uuid primary key,
    project_id        uuid not null references project (id),
    enterprise_code   text not null,
    status            text not null,
    version           int  not null,
    statement         text,
    created_at        timestamptz not null,
    submitted_at      timestamptz,
    missing           text,
    conclusion        text,
    conclusion_reason text,
    conclusion_detail text,
    concluded_by      text,
    concluded_at      timestamptz
);
create index application_project on application (project_id);
create index application_enterprise on application (enterprise_code);

-- Each submission of an application, with the materials and invoices it carried (versions are kept).
create table application_version (
    id             uuid primary key,
    application_id uuid not null references application (id),
    version        int  not null,
    submitted_at   timestamptz not null,
    submitted_by   text not null,
    materials      text not null,
    invoices       text not null,
    unique (application_id, version)
);

create table material (
    id             uuid primary key,
    application_id uuid not null references application (id),
    kind           text not null,
    name           text not null,
    declared_type  text,
    detected_type  text not null,
    size           bigint not null,
    sha256         text not null,
    storage        text not null,
    store_key      text not null,
    added_in       int  not null,
    uploaded_by    text not null,
    uploaded_at    timestamptz not null
);
create index material_application on material (application_id);

-- The PostgreSQL implementation of the material store: the bytes, in the same transaction as the row.
create table material_blob (
    key     text primary key,
    content bytea not null
);

-- R15: invoices claimed; the same 发票代码 + 发票号码 claimed elsewhere is flagged.
create table invoice (
    id             uuid primary key,
    application_id uuid not null references application (id),
    project_id     uuid not null,
    invoice_code   text not null,
    invoice_number text not null,
    issued_on      date not null,
    seller         text not null,
    amount         numeric(14, 2) not null,
    recorded_by    text not null,
    recorded_at    timestamptz not null
);
create index invoice_code_number on invoice (invoice_code, invoice_number);
create index invoice_application on invoice (application_id);

create table initial_review (
    id             uuid primary key,
    seq            bigint generated always as identity,
    application_id uuid not null references application (id),
    version        int  not null,
    complete       boolean not null,
    missing        text,
    note           text,
    reviewer       text not null,
    reviewed_at    timestamptz not null
);

create table team_member (
    id             uuid primary key,
    application_id uuid not null references application (id),
    member         text not null,
    assigned_by    text not null,
    assigned_at    timestamptz not null,
    unique (application_id, member)
);

-- A member of the acceptance team declares the enterprises they may not review.
create table conflict_declaration (
    id              uuid primary key,
    member          text not null,
    enterprise_code text not null,
    reason          text not null,
    declared_at     timestamptz not null,
    unique (member, enterprise_code)
);

create table on_site_review (
    id                uuid primary key,
    application_id    uuid not null references application (id),
    member            text not null,
    matches_materials boolean not null,
    findings          text not null,
    reviewed_at       timestamptz not null,
    unique (application_id, member)
);

create table joint_review (
    id             uuid primary key,
    seq            bigint generated always as identity,
    application_id uuid not null references application (id),
    reviewer       text not null,
    agrees         boolean not null,
    opinion        text not null,
    superseded     boolean not null default false,
    reviewed_at    timestamptz not null
);

create table third_party_audit (
    id                      uuid primary key,
    application_id          uuid not null unique references application (id),
    project_id              uuid not null,
    audit_firm              text not null,
    report_number           text not null,
    audited_eligible_amount numeric(14, 2) not null,
    recorded_by             text not null,
    completed_at            timestamptz not null
);
