-- What acceptance-service (R4) and publicity-service (R5) concluded about a project.
alter table project add column acceptance        text check (acceptance in ('PASS', 'FAIL'));
alter table project add column acceptance_reason text;
alter table project add column accepted_at       timestamptz;
alter table project add column publicity_closed_on date;
alter table project add column objection_upheld  boolean;
