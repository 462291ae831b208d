-- R13: an inspection or accident finding is serious or not; only a serious one disqualifies when its notice expires.
alter table notice add column serious boolean;

-- R14: the office's performance evaluation of a project, with its evidence.
create table performance_evaluation (
    id                       uuid primary key,
    project_id               uuid        not null references project (id),
    outcome                  text        not null check (outcome in ('MET', 'PARTIALLY_MET', 'NOT_MET')),
    evidence                 text        not null,
    acceptance_postponed_to  date,
    notice_id                uuid references notice (id),
    evaluated_at             timestamptz not null,
    evaluated_by             text        not null,
    check ((outcome = 'PARTIALLY_MET') = (acceptance_postponed_to is not null)),
    check ((outcome = 'NOT_MET') = (notice_id is not null))
);
create index performance_evaluation_project on performance_evaluation (project_id, evaluated_at);

-- R1, 不重复建设: a second project of the same task (hence category) in the same township is flagged with the first.
alter table project add column duplicate_of uuid references project (id);
