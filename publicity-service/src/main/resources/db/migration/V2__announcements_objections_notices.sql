-- What publicity-service knows of each project, from project-registered: names for the announcements.
create table project_fact (
    project_id      uuid primary key,
    program_id      uuid,
    name            text,
    enterprise_code text,
    enterprise_name text,
    task            text
);

-- Announcements (公示, R5): the window as computed (calendar: the local days and State Council notices used), so that a
-- later change of the local layer never moves it. Title and body are what was published and never change (R6).
create table announcement (
    id              uuid primary key,
    kind            text        not null,
    project_id      uuid,
    program_id      uuid,
    title           text        not null,
    body            text        not null,
    published_on    date        not null,
    published_at    timestamptz not null,
    ends_on         date        not null,
    working_days    int         not null check (working_days >= 5),
    counting        text        not null,
    calendar        text        not null,
    source_event_id text        not null unique,
    status          text        not null,
    outcome         text,
    closed_on       date,
    closed_at       timestamptz,
    closed_by       text,
    updated_at      timestamptz not null
);
create index announcement_newest on announcement (published_at desc, id desc);
create index announcement_due on announcement (ends_on) where status = 'OPEN';

-- Objections (异议) from the public: stored exactly as given; the contact is never published.
create table objection (
    id              uuid primary key,
    announcement_id uuid        not null references announcement (id),
    name            text        not null,
    contact         text        not null,
    text            text        not null,
    client_address  text        not null,
    received_at     timestamptz not null,
    decision        text,
    reasons         text,
    decided_by      text,
    decided_at      timestamptz
);
create index objection_of_announcement on objection (announcement_id, received_at, id);

-- Public notices (R11, R15–R17) from the other services' events, and every version of each as published (R6).
create table public_notice (
    id              uuid primary key,
    kind            text        not null,
    rule            text,
    program_id      uuid,
    project_id      uuid,
    enterprise_code text,
    title           text        not null,
    body            text        not null,
    source_event_id text        not null unique,
    status          text        not null,
    revision        int         not null,
    published_at    timestamptz not null,
    updated_at      timestamptz not null
);
create index public_notice_newest on public_notice (published_at desc, id desc);

create table notice_revision (
    notice_id uuid        not null references public_notice (id),
    revision  int         not null,
    action    text        not null,
    title     text        not null,
    body      text        not null,
    reason    text,
    by_whom   text        not null,
    at        timestamptz not null,
    primary key (notice_id, revision)
);

-- What was published stays as it was published: a correction or a withdrawal is a new revision, never an edit.
create function refuse_change_of_published_record() returns trigger language plpgsql as $$
begin
    raise exception 'a published record is immutable (R6): add a revision instead';
end
$$;
create trigger notice_revision_immutable before update or delete on notice_revision
    for each row execute function refuse_change_of_published_record();
