-- A program's rules as budget-service publishes them (program-rules-set v1): the publicity window of its projects in
-- working days (R5, never below 5). The latest event wins; windows already open keep the length they opened with.
create table program_rules (
    program_id             uuid primary key,
    publicity_working_days int         not null check (publicity_working_days >= 5),
    source_event_id        text        not null,
    received_at            timestamptz not null
);

-- Where each window's length came from: PROGRAM_RULES (the program's event) or OFFICE_SETTING (the fallback).
alter table announcement add column length_from text not null default 'OFFICE_SETTING';
-- The day the office was warned (publicity-closing-soon) that this window ends with undecided objections: once.
alter table announcement add column closing_warned_on date;
