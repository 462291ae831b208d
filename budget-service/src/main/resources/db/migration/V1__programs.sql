-- A county's fund program (专项资金) of one year, its directions (使用方向) and phases (F1–F3).
create table program (
    id           uuid primary key,
    county       text           not null,
    year         int            not null,
    name         text           not null,
    total        numeric(15, 2) not null check (total > 0),
    period_start date           not null,
    period_end   date           not null,
    created_at   timestamptz    not null,
    created_by   text           not null,
    unique (county, year, name)
);

create table program_direction (
    id         uuid primary key,
    program_id uuid           not null references program (id),
    position   int            not null,
    name       text           not null,
    allocation numeric(15, 2) not null check (allocation >= 0),
    unique (program_id, name)
);

create table program_phase (
    id          uuid primary key,
    program_id  uuid not null references program (id),
    position    int  not null,
    code        text not null,
    name        text not null,
    start_month date not null,
    end_month   date not null,
    unique (program_id, position)
);
