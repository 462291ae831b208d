-- A program's rules are its data (Jinghong 2020: pre-disbursement at most 50%, publicity 5 working days, an
-- acceptance team of 3 or more); another county or year may set others. A project keeps the cap of its program.
alter table program add column pre_disbursement_cap_percent int not null default 50
    check (pre_disbursement_cap_percent between 0 and 100);
alter table program add column publicity_working_days int not null default 5 check (publicity_working_days >= 5);
alter table program add column acceptance_team_minimum int not null default 3 check (acceptance_team_minimum >= 3);
alter table project_budget add column pre_disbursement_cap_percent int not null default 50
    check (pre_disbursement_cap_percent between 0 and 100);

-- R7 enforced by the database too, now with the project's own cap instead of a fixed half.
do $$
declare
    old_check text;
begin
    select conname into old_check from pg_constraint
    where conrelid = 'project_budget'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%pre_requested * (2)%';
    if old_check is not null then
        execute format('alter table project_budget drop constraint %I', old_check);
    end if;
end $$;
alter table project_budget add constraint project_budget_pre_disbursement_cap
    check (status <> 'COMMITTED' or pre_requested * 100 <= committed * pre_disbursement_cap_percent);
