-- Read model of the programs, built from budget-service's events.
create table program_summary (
    program_id uuid primary key,
    county     text           not null,
    year       int            not null,
    name       text           not null,
    allotted   numeric(15, 2) not null,
    updated_at timestamptz    not null
);

create table direction_summary (
    direction_id uuid primary key,
    program_id   uuid           not null references program_summary (program_id),
    name         text           not null,
    allocation   numeric(15, 2) not null
);

-- What happened to a program, one line per applied event (the public timeline of R17/R19).
create table program_timeline (
    id          bigint generated always as identity primary key,
    program_id  uuid        not null,
    event_id    text        not null,
    event_type  text        not null,
    occurred_at timestamptz not null,
    summary     text        not null
);
create index program_timeline_program on program_timeline (program_id, occurred_at);
